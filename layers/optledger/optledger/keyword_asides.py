"""The wordings of the asides beside a keyword that ``optledger.keyword_clauses`` reads as asking nothing: a good wish,
a blessing, thanks for what was, a good time looked back on, a return beside START, congratulations, a signer's shift.
Each is a pattern on a clause's words (folded, lower case, one space apart), matched whole."""

from __future__ import annotations

import re

from optledger.classify import AND_KEYWORDS

# a good wish of any wording ("have a great season", "wishing you all a safe summer", "que tengan un buen verano"):
# content words, a season or a stay, but nothing asked and nothing a stop word cancels
WISH = re.compile(
    r"^(?:and |y )?(?:(?:(?:you|yall|you all|you guys|u) )?(?:have|enjoy|wishing|wish|hope)(?: you| yall| you all"
    r"| everyone| u)?(?: (?:all|guys))?"
    r"(?: (?:have|enjoy))?"
    r"|(?:que )?(?:tengan|tenga|tengas|tengais|pasen|pase|pases|paseis|disfruten|disfrute|disfruteis))"
    r" (?:a |an |un |una )?(?:\w+ )?(?:great|good|safe|nice|happy|wonderful|blessed|lovely|fun|awesome|beautiful"
    r"|fantastic|restful|peaceful|merry|relaxing|buen|buena|bonito|bonita|excelente|feliz|lindo|linda|hermoso|hermosa)"
    r"(?: \w+){1,4}$"
    # a time wished of any adjective ("que tengan chilera semana", "have a mighty weekend")
    r"|^(?:and |y )?(?:(?:have|enjoy) (?:a|an)|(?:que )?(?:tengan|tenga|tengas|pasen|pase|pases)(?: (?:un|una|muy))?)"
    r" \w+ (?:day|week|weekend|night|evening|season|summer|holiday|holidays|dia|semana|finde|noche|tarde|temporada"
    r"|verano)(?: (?:out|up|down) there| to (?:all|everyone|you all|yall)| fellas| folks)?$"
    # a trade's season or a feast enjoyed, good luck at it ("enjoy the walleye opener", "good fishin", "buena zafra")
    r"|^(?:and |y )?(?:enjoy|disfruten|disfrute) (?:(?:the|your|ur|el|la|su|sus) )?(?:rest of (?:the|your) )?"
    r"(?:\w+ ){0,2}(?:season|opener|summer"
    r"|holidays?|weekend|trip|festival|fair|harvest|vacation|temporada|zafra|cosecha|vacaciones|fiesta|feria)"
    r"(?: (?:out|up|down) there| (?:on|at|in) the \w+)?$"
    # what the place shows in its season ("Enjoy the fall colors", "enjoy the powder"), enjoyed
    r"|^(?:and |y )?(?:enjoy|disfruten|disfrute) (?:the|your|ur|el|la|los|las) (?:\w+ ){0,2}(?:colors|colours|leaves"
    r"|foliage|views?|sunshine|sunsets?|snow|powder|waves|weather|ride|races|show|rodeo|parade|games?|music|concert"
    r"|fireworks|break|paisajes?|vistas?|nieve|playa|sol|aspens|larches|maples|wildflowers|blooms|trails|slopes|lake"
    r"|mountains)(?: (?:turning|changing|blooming))?(?: (?:up|out|down|over) (?:there|here)"
    r"| (?:along|on|in|at|by|over|around) (?:the )?\w+)?$"
    r"|^(?:(?:and|y) |(?:thanks|thank you|thank ye|thank ya|gracias|salud|saludos|cheers)(?: \w+)? (?:and|y) )?"
    r"(?:good|buena|buen"
    r"|buenas|happy|feliz|safe) (?:luck|fishing|fishin|hunting|huntin|harvest|season|planting|catch|pesca|suerte|zafra"
    r"|cosecha|siembra|viaje|temporada|olas|waves|surf|swell|nieve|snow|powder|rides?|riding|paddling|climbing|trails"
    r"|trip|trips|travels|caminatas|caminata|paseos|hikes|hiking|walks|caceria|vendimia|matanza|recogida|siega|pizca|camino|feria|fiesta|festival|fair|carnaval)"
    r"(?: (?:out|up|down) there| (?:por|en|on|in|at) (?:el|la|los|las|the) \w+| to (?:all|everyone|you all"
    r"|yall|all of you|all of yall|all of ya)(?: (?:the|of the|of you) \w+)?| fellas| folks)?$"
    # greetings to everyone at the place ("Greetings to all at the museum")
    r"|^(?:greetings|regards|saludos|love|best wishes|best) to (?:all|everyone|everybody|you all|yall)"
    r"(?: (?:at|in|on|of) (?:the )?\w+)?$"
    # a team cheered, rain or luck hoped for, a feast wished ("Go Chiefs", "Hope y'all get some rain", "feliz
    # carnaval"), greetings from a place ("saludos desde Machala")
    r"|^(?:go|vamos|arriba|viva|vivan|que viva|que vivan) \w+(?: \w+)?$"
    r"|^hope (?:you|yall|you all|everyone|u) (?:get|have|enjoy)(?: \w+){1,4}$"
    r"|^(?:happy|feliz|merry|felices|buen|buena) (?:\w+ )?(?:holidays?|thanksgiving|christmas|navidad|new year"
    r"|ano nuevo|easter|pascua|pascuas|carnaval|birthday|cumpleanos|cumple|halloween|hanukkah|diwali|eid|ramadan"
    r"|fiestas|semana santa|fourth|4th)$|^(?:(?:un |muchos )?(?:saludos?|saludit[oa]s?|saludic[oa]s?|greetings|abrazos?"
    r"|abracicos?|abrazotes?|bendiciones|saudos|saudo|saudinos|apertas) )?(?:desde|from)(?: \w+){1,3}$"
    r"|^(?:un |muchos )?(?:saludos?|saluditos?|saludicos?|greetings|abrazos?|abracicos?|bendiciones|saudos|saudinos"
    r"|apertas|gruezi|howdy|aloha|hello|hi) (?:de|desde|from)"
    r"(?: \w+){1,3}$"
    # "See y'all at the hall", "see you next season": a farewell with where or when
    r"|^see (?:you|yall|you all|ya|u|you guys)(?: (?:at|in|on|around|next|soon|later|there|this)(?: \w+){0,3})?$"
    # any day or pastime wished happy ("Happy Tsagaan Sar to all of you", "happy trails"; not "happy hour", which may
    # be what is cancelled), the weather wished on ("Keep the rain coming"), a storm wished away
    r"|^(?:happy|feliz|merry) (?!hour\b|meal\b)(?:\w+ ){0,2}\w+(?: to (?:all|all of you|you all|yall|everyone))?$"
    r"|^keep the (?:rain|snow|sun|sunshine|fish|bites) (?:coming|falling|biting)$"
    # "Hope the storm misses y'all", "hope the hurricane stays away": a storm wished away
    r"|^(?:i |we )?hope (?:the|that|this) (?:\w+ )?(?:storm|hurricane|rain|snow|flood|fire|fires|freeze|heat|wind"
    r"|weather|smoke|tornado|tornadoes) (?:misses|passes|spares|stays away|holds off|goes around|turns|lets up|breaks)"
    r"(?: \w+){0,3}$"
    # whatever the place lives by wished kind to the sender ("Hope the mine traffic treats you good this summer", "hope
    # the wind lays down for you guys")
    r"|^(?:and |y )?(?:i |we )?hope (?:the|that|this|your|ur) (?:\w+ ){1,3}(?:treats|lays|lay|stays|stay|holds|hold"
    r"|keeps|keep|is|are|goes|go|works|work|comes|come|turns?|looks?|grows?)(?: \w+){0,3}"
    r" (?:you|yall|you all|you guys|u|ya|everyone)(?: \w+){0,3}$"
    # the place's season hoped fine ("Hope the leaves are gorgeous this fall")
    r"|^(?:and |y )?(?:i |we )?hope (?:the|your) (?:\w+ )?(?:leaves|colors|weather|season|snow|harvest|crop|fishing"
    r"|summer|fall|winter|spring|waves|water) (?:are|is|turn|stay|keep|hold|come|comes|get)(?: \w+){1,4}$"
    r"|^(?:and |y )?(?:i |we )?hope (?:the|your) (?:\w+ ){0,2}\w+ (?:runs?|flows?|bites?|grows?|turns?|holds?|stays?"
    r"|is|are) (?:good|well|strong|great|early|sweet|deep|pretty|gorgeous|nice|plenty|heavy)(?: \w+){0,3}$"
    r"|^que no (?:les|te|le|los|las) (?:pegue|toque|agarre|llegue|falte) (?:\w+ ){0,3}\w+$"
    # "que le vaya tuani", "que les vaya bonito": a farewell of any adverb
    r"|^(?:y )?que (?:le|les|te|os) vaya (?:muy )?\w+(?: \w+)?$"
    # a season wished to the team ("Buen verano a todo el equipo", "Happy summer to the whole crew")
    r"|^(?:y |and )?(?:buen|buena|feliz|felices|happy|great) (?:\w+ )?(?:verano|invierno|temporada|navidad|ano|summer"
    r"|season|winter|holidays) (?:a|to) (?:todo el equipo|todos|todas|ustedes|toda la familia|all"
    r"|the whole (?:team|crew)|everyone|the team|the crew|yall)$"
    # the fish wished biting ("Hope the crappie are biting", "hope the walleye keep jumping")
    r"|^(?:and |y )?(?:i )?hope (?:the )?\w+ (?:are|is|keep|keeps) (?:biting|running|jumping)$"
    # anything wished to the sender ("Wishing you a full house every night")
    r"|^(?:and |y )?(?:wishing|wish) (?:you|yall|you all|everyone|u|the (?:whole )?(?:crew|team|staff|gang))"
    r"(?: all| guys)? (?:a |an |many |lots of )?"
    r"(?:\w+ ){0,3}\w+$"
    # courage wished with what the sender does ("Ánimo con las clases, majos")
    r"|^(?:y )?(?:animo|exito|exitos|fuerza) con (?:el|la|los|las) \w+(?: \w+)?$"
    # luck wished with what the sender does ("y suerte con los cursillos", "good luck with the season")
    r"|^(?:y |and )?(?:mucha |buena |good )?(?:suerte|luck) (?:con|with) (?:\w+ ){0,3}\w+$"
    # anything of the place's hoped fine ("Hope the walleye stay hungry", "hope the trails set up fast this year")
    r"|^(?:and |y )?(?:i |we )?(?:hope|hoping) (?:the|those|these|all the) (?:\w+ ){1,11}\w+$"
    # a toast ("A toast to y'all"), the work cheered on ("Sigan tejiendo bonito", "keep paddling strong")
    r"|^(?:(?:a|heres a|here s a) )?(?:toast|brindis) (?:to|a|por) (?:\w+ ){0,2}\w+$"
    r"|^(?:y |and )?(?:sigan|siga|sigue|seguid|keep(?: on)?) (?!(?:texting|sending|messaging|mandando|enviando"
    r"|escribiendo)\b)\w+(?:ando|iendo|ing)(?: \w+)? (?:bonito|lindo|asi|fuerte|duro|strong|chido|rico|sabroso)$"
)
# a blessing of any wording ("que el Señor los guarde", "may the good Lord keep you all", "que la Virgen me los
# acompañe"): God, the Lord or a saint wished upon the sender, nothing asked of it
BLESSING = re.compile(
    r"^(?:and |y )?(?:que |ke |may |and may )?(?:dios|dio|diosito|mi dios|el senor|nuestro senor|la virgen"
    r"|la virgencita|jesus|cristo|el de arriba|god|the lord|the good lord|our lord|allah|jah)"
    r"(?: (?:me|te|se|nos|vos))?(?: (?:le|lo|la|los|las|les|te|you|ya|yall|y all|us|them|him|her|the|your|all))*"
    r" (?:bendiga|guarde|guadre|cuide|pague|acompane|proteja|ampare|ilumine|colme|bless|keep|protect|guide|watch over|"
    r"be with|repay|reward|love)(?: \w+){0,5}$"
    # a saint or a virgin of any name ("que la Caridad del Cobre los bendiga", "que San Judas los cuide")
    r"|^(?:and |y )?que (?:la |el |san |santa )(?:\w+ ){1,5}(?:me |te |se |nos )?(?:le|lo|la|los|las|les|te|os|vos) "
    r"(?:bendiga|guarde|cuide|acompane|proteja|ampare|ilumine)(?: \w+){0,5}$"
)
# thanks for what was ("thanks for a great stay last spring"): gratitude, read for things cancelled like any clause
THANKS_FOR = re.compile(
    r"^(?:and |y )?(?:thanks|thank you|thank u|thx|ty|gracias|tusind tak|mange tak|tak|merci|danke|grazie|obrigad[oa]"
    r"|hvala|mahalo)(?: \w+)? (?:for|por) (?:\w+ ){0,6}\w+$"
)
# thanks for a time praised ("thank you for a lovely tour"), a service praised: what was, not a thing cancelled
THANKED_WELL = re.compile(
    r"^(?:and |y )?(?:thanks|thank you|thank u|thx|ty|gracias)(?: \w+)? (?:for|por) (?:a|an|the|such a|all the|our|my"
    r"|that|this|un|una|el|la) (?:\w+ )?(?:lovely|great|wonderful|amazing|fun|awesome|beautiful|fantastic|nice|good"
    r"|memorable|perfect|excellent|buen|buena|hermosa|hermoso|linda|lindo|bonita|bonito)\b"
    # or the service praised ("nítido servicio")
    r"|^(?:nitido|excelente|buen|buenisimo|gran|tremendo|brutal|great|awesome|excellent) (?:servicio|trato|atencion"
    r"|service|job|crew)$"
)
# a good time had, looking back ("had a blast", "we had such a great time this summer"): praise, read like thanks
HAD_GOOD = re.compile(
    r"^(?:and |y )?(?:we |i |we ve |ive |weve )?(?:had|have had|really had) (?:a|an|such a|the) (?:\w+ ){0,2}"
    r"(?:blast|time|stay|season|summer|year|experience|ride|trip|run|visit|week|weekend|vacation|getaway|holiday|day)"
    r"(?: \w+){0,4}$"
    # the time with the sender loved ("Loved paddling with you guys")
    r"|^(?:and |y )?(?:i |we )?(?:loved|enjoyed|liked) (?:\w+ing|our|the|my|every|it) (?:\w+ ){0,4}?"
    r"(?:with (?:you|yall|you guys|you all|ya|u)|here|there)$"
    # the ride or the stay enjoyed ("enjoyed the ride", "loved our stay")
    r"|^(?:and |y )?(?:i |we )?(?:really )?(?:loved|enjoyed) (?:the|our|my|every) (?:\w+ ){0,3}?(?:ride|trip|tour|stay"
    r"|visit|show|shows|season|class|classes|meal|dinner|time|run|cruise|hike|lessons?)$"
)
# a return beside START or UNSTOP, with no subject or before it ("Back in Bethel now, UNSTOP", "START, ya regresé de
# Monterrey", "Home for the summer, START please"): why the replier opts in again, which asks nothing more
RETURNED = re.compile(
    r"^(?:(?:que|porque|pues|and|y) )?(?:(?:ya|finally|already|recien|just|mi|(?:we|i|im|were|ive|weve)"
    r"(?: re| m| are| am| have| got)?|\w+ (?:is|s|are))(?: just| finally| all| ya)? )?"
    r"(?:back|home|returned|got back|regrese|regresamos|volvi|volvimos|volvemos|vuelvo|(?:he|hemos) vuelto|llegue"
    r"|llegamos|(?:estoy|estamos) (?:de vuelta|de regreso|back)|de vuelta|de regreso)(?: (?:up|down|over))?"
    r"(?: (?:from|in|at|for|to|on|now|again|for good|after|de|a|en|desde|al|del|aqui|ya)(?: \w+){0,6})?$"
    # the phone that could not take them is mended or new ("got my phone fixed", "ya tengo cel nuevo")
    r"|^(?:i |we )?(?:got|have|tengo|ya tengo) (?:my |a |un |mi )?(?:new |nuevo )?(?:phone|cell|cel|celular|telefono)"
    r"(?: (?:fixed|back|working|nuevo|de nuevo|arreglado))?$"
)
# praise of the people, as a farewell ("Thanks for the good years, yous were always fair", "Love you guys though"), not
# delight at a message: what was, or with a "though" what is; what is alone only beside a word that is no exclamation
# ("End. You guys are great"; "Stop, you guys are great" may be one)
_PEOPLE = r"(?:and |y |but )?(?:you|yous|youse|yall|you all|you guys|u|u guys|ustedes|everyone|everybody)"
_PRAISES = (
    r"(?: always| siempre| really| so| very| muy| real)* (?:fair|great|good|kind|honest|awesome|wonderful|the best"
    r"|helpful|amazing|the greatest|amables|buenos|buenas|justos|honestos|lo maximo|geniales|los mejores)"
    r"(?: to (?:me|us|my family|our family))?"
)
_THOUGH = r" (?:though|tho|anyway|anyways|regardless|still|igual|de todas formas)"
_PRAISED_BEFORE = re.compile(
    rf"^{_PEOPLE} (?:were|have been|ve been|been|always were|fueron|siempre fueron|han sido|siempre han sido)"
    rf"{_PRAISES}(?:{_THOUGH})?$"
    rf"|^{_PEOPLE} (?:are|re|r|son|sois){_PRAISES}{_THOUGH}$"
    rf"|^(?:but |i |we |but i |still |i still |but i still )*(?:love|luv|loved) (?:you|ya|yall|you all|you guys|u guys"
    rf"|u|yous|them)(?: (?:so much|lots|a lot|all|to death))?{_THOUGH}$"
)
_PRAISED_NOW = re.compile(rf"^{_PEOPLE} (?:are|re|r|son|sois){_PRAISES}$")
# the business missed, as a farewell ("but we'll miss your eggs", "los vamos a extrañar")
_MISSED = re.compile(
    r"^(?:(?:but|and|y|pero) )?(?:(?:we|i)(?: ll| will| re gonna| are gonna)? |well |ill |(?:los|las|te) )?"
    r"(?:miss|missing|extranaremos|vamos a extranar|voy a extranar|extranare)"
    r"(?: (?:you|yall|you all|you guys|your|the|our|sus|los|las|el|la|a ustedes))?(?: \w+){0,4}$"
)


# an "and" after a keyword, before thanks, a blessing or a farewell ("STOP y gracias", "STOP and God keep you all"):
# where a clause of courtesy begins
AND_COURTESY = (
    "(?:" + "|".join(rf"(?<=\b{keyword})" for keyword in AND_KEYWORDS) + r")\s+(?:and|y|&)\s+"
    r"(?=(?:thanks|thank|thx|ty|gracias|god|dios|may|que|bless|blessings|bendiciones|have|love|take care|see|bye"
    r"|adios|buen|buena|buenas|feliz|good|happy|safe)\b)"
)

# a reason without its subject, as a gerund ("Stop, rowing clients on the lower Madison", "Baja, manejando hasta
# el viernes"): what the replier is busy with; not done to someone ("teasing us"), nor a noun in "-ing" ("morning")
DOING = re.compile(
    r"^(?!(?:morning|evening|nothing|something|anything|everything|during|bring|spring|string|ceiling|wedding|pudding"
    r"|sibling|darling|building|clothing|thing|king|ring|sing|wing)\b)\w{2,}(?:ing|ando|iendo|yendo)"
    r"(?! (?:me|us|my|our|mi|nos|you|u|yall)\b)(?: \w+){1,11}$"
)
# good wishes on news ("Mazel tov on the new store!", "felicidades por el local nuevo"), nothing asked of them
CONGRATS = re.compile(
    r"^(?:and |y )?(?:congrats|congratulations|felicidades|felicitaciones|mazel tov|mabrook|mabruk)"
    r"(?: (?:on|for|por|en|with|con) (?:\w+ ){0,5}\w+)?$"
)
# a signer's shift ("Saturday shift at the Tacoma Dome lot", "turno de noche en el aeropuerto"): beside a stop word
# of everyday meaning it may be what is cancelled
SHIFT = re.compile(
    r"^(?:(?:the|el|la) )?(?:\w+ ){0,2}(?:shift|turno|watch)(?: (?:de |del |de la )?\w+)?"
    r"(?: (?:en|at|in|on)(?: \w+){1,4})?(?: \w+ (?:a|to|thru|through) \w+)?$"
    # a shift by its hours and the work done in it ("night check", "night forklift", "graveyard dispatch")
    r"|^(?:day|night|swing|graveyard|overnight|mid|midnight) (?:check|crew|forklift|loader|loading|driver|guard|desk"
    r"|audit|dispatch|maintenance|security|sort|picker|packer|stocker|receiving|cook|line|ops)$"
)


def looked_back(said: str) -> bool:
    """Thanks for a time praised or a time enjoyed ("thanks for a lovely tour", "enjoyed the tour"): what was, so no
    tour is cancelled."""
    return bool(THANKED_WELL.match(said) or HAD_GOOD.match(said))


def goodwill(said: str, exclaims: bool) -> bool:
    """Thanks for what was, a good time had, congratulations, the people praised: farewells that ask nothing. Praise
    of what they are is one only beside a keyword that is no exclamation (``exclaims``: "Stop, you guys are great"
    may be one)."""
    if looked_back(said) or any(rule.match(said) for rule in (THANKS_FOR, CONGRATS, _PRAISED_BEFORE, _MISSED)):
        return True
    return not exclaims and bool(_PRAISED_NOW.match(said))
