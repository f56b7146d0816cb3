"""How the clauses of a flat reply stand to one another (``optledger.reply_text.canonical`` writes them " | "):
whether the last one is a question left without its mark, and which clause is said in sarcasm.

Read by ``optledger.classify_phrases``: a lone STOP before a question is queued, not honoured; a limit said in sarcasm
("love getting texts at 6am, said no one") limits nothing, nor an hour complained of beside a keyword in a clause of
its own ("STOP. It's 5:45 in the morning"); spam asked about is not said.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from optledger.reply_rules import Beginnings, Rules

_QUESTION_STARTS = frozenset(
    {
        "is",
        "are",
        "when",
        "whens",
        "where",
        "wheres",
        "what",
        "whats",
        "how",
        "do",
        "does",
        "did",
        "cuando",
        "donde",
        "cuanto",
        "cuanta",
        "cuantos",
        "cuantas",
        # "STOP. Would the shop be open Labor Day": a modal opens a question ("would you" asks for something)
        "would",
        "will",
        "can",
        "could",
    }
)
_QUESTION_PAIRS = frozenset(
    {"a que", "en que", "a donde", "de donde", "para cuando", "a cuanto"}  # "a qué hora abren"
    # "Stop. Can I still drop off the cooler Friday": a modal and its subject open a question
    | {"can i", "can we", "could i", "could we", "should i", "should we", "will i", "will we", "may i", "may we"}
    | {"who do", "who should", "who can"}  # "Stop. Who do I give the kit to"; "who is this" is a complaint
    | {"got any", "got anything"}  # "Stop. Got any Timken in stock"
)
# "STOP. Are you kidding me", "Stop. How many times": a complaint, not a question of its own
_NOT_QUESTIONS = frozenset(
    {"is this", "is that", "are you", "are u", "how many", "how dare", "how often", "what the", "what part", "do not"}
    | {"did you", "did u", "did i", "did we", "did not", "cuantas veces", "cuantos mensajes"}
    # "Stop. Can you take me off": a request of its own, not a question beside the keyword
    | {"can you", "can u", "could you", "could u", "would you", "would u", "will you", "will u", "can yall"}
)
_QUESTION_WORDS = 3
# "Stop. Can you fill Thursday": a service asked of the business, not a request about the texts ("can you take me off")
_SERVICE = re.compile(r"(?:can|could) (?:you|u) (?:fill|do|bring|deliver|plow|mow|fix|come|make|hold|save|order)\b")
# "are you open Christmas Eve": a question of the business's own, no complaint ("are you kidding me")
_ASKED_OF_THE_BUSINESS = frozenset({"open", "closed", "opening", "closing", "hiring", "delivering", "still", "taking"})
_TITLES_BEFORE = frozenset({"dr", "mr", "mrs", "ms", "st", "sr", "jr", "no"})  # "Dr. Patel", "No. 5"
_ASIDES = frozenset({"btw", "also", "oh", "and", "plus", "anyway", "ps", "y"})  # a word before the question
# a block done or a threat: no request an hour beside it limits
_THREAT = re.compile(
    r"\b(?:report\w*|denuncio|attorney|lawyer|fcc|bbb|ill block|i will block|block (?:ya|you|yall)|bloquear|bloqueo"
    r"|(?:call|calling) (?:my|the) (?:carrier|phone company)|on the phone with|llamo a la compania"
    r"|(?:calling|call) the ags?(?: office)?)\b"
)
_DONE = re.compile(r"\b(?:blocked|blocking|bloquead\w*|bloquee|cut it out|knock it off)\b")
_THANKED_FOR = re.compile(r"(?:and )?(?:thanks|thank you|thank u|thx|ty|gracias)(?: \w+)? (?:for|por) ")
_SARCASM = re.compile(r"(?:[^|]*\| )?[^|]*\bsaid no ?(?:one|body)(?: ever)?\b[^|]*")  # and the clause it mocks
# a clause asking for a limit: a word of one ("only", "after", "hasta"), or a request about sending to the replier
_ASKS_LIMIT = re.compile(
    r"\b(?:only|just|solo|nomas|unicamente|except|excepto|menos|but|pero|after|before|until|till|hasta|despues|antes"
    r"|instead|better|mejor)\b|\b(?:te?xt|message|send|contact|write|call|mand|envi|escrib)(?!ing)\w* (?:me|us|nos)\b"
    # or one that allows the texts at a time ("weekends are fine", "por la tarde me sirve", "I'll read them at night")
    r"|\b(?:fine|ok|okay|prefer|rather|works|bien|prefiero|sirve|ill|i will|i can|we can|we will)\b"
)
# a clause telling how the texts come ("they come at dinner every night", "me llegan a las 5"): an hour told there is
# complained of
_TEXTS_COME = re.compile(
    r"\b(?:they|them|te?xts?|texting|texted|messages?|msgs?|mensajes?|textos?|llegan?|lleg[oó]|despiert\w*|wakes?|woke|buzz\w*"
    r"|comes?|came|upsets?)\b"
)
_SPAM_ASKED = re.compile(  # a question whose subject is what may be spam: "is this text spam?", "¿eso es spam?"
    r"\b(?:es|is (?:this|that|it|one of (?:them|those|these))|are (?:these|they|those|them)"
    r"|was (?:it|that|this)|that'?s|it'?s)\b"
    r"[^.!?\n]{0,45}"
    # or a lone "Spam?" after what was received
    r"\bspam\b[^.!?\n]{0,90}\?|[.!?]\s+(?:some (?:kind|sort) of |just |more )?spam\s*\?+(?:\s|$)"
    r"|\bspam,? (?:right|no|verdad|cierto)\s*\?|\bspam me parece\b|\b(?:era|es|fue) spam\s*\?"
    r"|\bspam or (?:from )?(?:you|yall|y'all|real|legit|from you)\b|\bspam o (?:de )?(?:ustedes|vosotros|verdad|real)\b"
    # "Is the text saying my Medicare was cancelled spam?", "¿era vuestro o era spam?", "¿era spam o es de verdad?"
    r"|\b(?:is|was) (?:the|that|this) [^?\n]{0,80}\bspam\s*\?|\bo (?:era|es) spam\b|\bera spam o\b",
    re.IGNORECASE,
)
# "Spam" written with its capital inside a sentence is the canned meat ("can I bring my own Spam", "Is Spam one of
# the fillings"): no labelled reply writes the junk so, and a sentence's first word may be either
_SPAM_NAMED = re.compile(
    r"(?<=[^\s.!?\u00bf\u00a1]\s)Spam\b|(?i:\bspam (?:and|&|n) (?:eggs|rice|saltines|crackers|cheese|beans)\b"
    r"|\bspam (?:musubi|rolls?|sandwich(?:es)?|fried rice|burgers?|sliders?|fries|hash|tacos?|sushi|cans?|loaf|fudge"
    r"|pie|cake|jerky|dip|casserole|kimbap"
    r"|burnt ends|and pinot|pairing|fritters|bites|breakfast)\b|\bmarcado como spam\b"
    r"|\bspam de (?:la|el) (?:tostada|torta|sandwich|hamburguesa|pizza)\b|\bspam (?:\w+ ){0,4}es de lata\b"
    r"|\bspam (?:\w+ ){0,2}de lata\b|\b(?:had|thought) (?:you|y'?all|you all|this|it|them|these|your texts?)(?: \w+)?"
    r" (?:pegged|figured|down|marked|flagged) (?:as|for) spam\b|\bfrom a number (?:saying|claiming|that says)\b"
    r"|\b(?:patac[oó]n|arroz|huevos|s[aá]ndwich|musubi|tostada|causa|papas?|tortilla|sopa|pan|algo|platos?) con spam\b"
    # the meat bought, brought or baited ("spam on a hook for catfish", "¿tenéis spam?", "burros de spam"), a phone's
    # filter ("tenía su SMS filtrado como spam"), the replier's side spamming the business ("my nephew spam your phone")
    r"|\bspam (?:on|as|for) (?:a |the )?(?:hook|bait|catfish|trotline)|\b(?:a )?cans? of spam\b"
    r"|\b(?:lata|latas|burros?|tacos?|revuelto|pan|pedazo|rebanadas?|lonche|almuerzo|desayuno|tarros?) de spam\b"
    r"|\b(?:sali[oó]|lleg[oó]|cay[oó]|entr[oó]|apareci[oó]) (?:el |tu |su |vuestro )?(?:mensaje|sms|texto)"
    r" (?:en|como|a) spam\b"
    r"|\bspam on (?:a |the )?(?:cracker|saltine|biscuit|bun|bread|toast|rice)s?\b"
    r"|\bspam in (?:the |my |your |our |a )?(?:\w+ )?(?:chili|soup|stew|rice|casserole|ad|sale|flyer|circular)\b"
    r"|\b(?:tra[jí]\w*|compr[eéoó]\w*|ten[eé]is|tienen|tiene|venden|vende|vend[eé]is|hay) (?:el |la )?spam\b"
    r"|\bspam no (?:venden|vende|tienen|tiene|hay)\b|\b(?:catfish|bait|trotline)\b[^.!?\n]{0,40}\bspam\b"
    r"|\bspam\b[^.!?\n]{0,40}\b(?:catfish|bait|trotline)\b|\b(?:pulpo|tortilla|papas|fideos|pizza) con spam\b"
    # the replier's side sorry for its own spam ("perdonad el spam de fotos", "les hizo spam en el Facebook"), mail
    # gone to the spam folder ("se fue a spam"), spam from another number
    r"|\b(?:perdon\w*|disculp\w*|sorry)(?: (?:for|about|por))? (?:el |the |all the |todo el |tanto )?spam\b"
    r"|\bspam de (?:memes|fotos|stickers|audios|videos|gifs|jueguitos|juegos|apps)\b"
    r"|\b(?:les|le|te|os) (?:hizo|hice|hicimos|hicieron) spam\b"
    r"|\bse (?:fue|fueron|iba|van|va) a (?:la carpeta de )?spam\b|\bcarpeta de spam\b"
    r"|\b(?:viene|llego|vino|es) de otro n[uú]mero\b|\bfrom (?:some |another |a different )(?:other )?number\b"
    r"|\bme (?:lleg[oó]|llegaron) (?:un |una )?spam\b"
    r"|\bspam (?:with|w|and|&|n) (?:a |the )?(?:\w+ ){0,2}(?:glaze|sauce|eggs|rice|syrup|hash|trout|gravy)\b"
    # the meat's cases, contests and fillings ("Spam carving contest", "bollos rellenos de spam"), a room spammed
    r"|\bspam (?:cases?|carving|contests?|cook ?offs?|festival|fest|museum|recipes?|spread|salad|booth|eating)\b"
    # the meat asked about or wished in a dish ("does spam hold up in saddle bags", "pozole con spam", "eso del spam")
    r"|\b(?:does|do|will|would|can|is) spam (?:hold|keep|last|go|taste|work|cook|fry|need)\b|\beso del spam\b"
    r"|\b(?:pozole|sopa|caldo|frijoles|chilaquiles|tamales|enchiladas|tacos) con spam\b|\bcarne en lata\b"
    # spam of another sender ("some number claiming to be your shop", "un mensaje de spam", "no era vuestro")
    r"|\b(?:some|a|another|this) (?:\w+ )?number claiming\b|\b(?:un|otro|el|ese) (?:mensaje|sms|texto) de spam\b"
    r"|\b(?:somebody|someone|some \w+)(?: from (?:a|an|some) (?:\w+ ){0,2}number)? (?:keeps |has been |is )?spamming\b"
    r"|\bspam,? (?:i m|im|i am|supongo|imagino) (?:guessing|thinking|assuming)?"
    r"|\bno (?:era|eran) (?:vuestro|vuestros|suyo|suyos|de ustedes|ustedes)\b|\bclaiming to be\b"
    r"|\b(?:pon[eé]is|ponen|pones|us[aá]is|usan|lleva|llevan) spam\b|\bscam spam\b|my phone flagged\b"
    r"|\bwas spam and not (?:you|y'?all|from you)\b|\b\d{3} number saying\b|\bspam,? i (?:assume|guess|suppose)\b"
    r"|\bspam in the (?:cooler|fridge|pantry|galley|truck|boat|lunchbox)\b|^spam con\b"
    r"|\b(?:estaba|estaban|entr[oó]|entraron|cay[oó]|cayeron|qued[oó]|quedaron) (?:en|a) (?:la carpeta de )?spam\b"
    r"|\blleg[oó] (?:el |tu |su |vuestro )?(?:mensaje|sms|texto) de (?:la|el) \w+ (?:a|en|como) spam\b"
    r"|\b(?:got|have|has|had|sell|still) (?:any|some) (?:of )?(?:that|the|this) spam\b(?! (?:texts?|messages?|from)\b)"
    r"|\b(?:rellen[oa]s?|bollos?|empanadas?|pastelitos?|arepas?) (?:de|con) spam\b|\b(?:hice|hicimos) spam\b"
    r"|\bspamm\w* (?:the|our|their) (?:\w+ ){0,2}(?:fridge|kitchen|table|counter|board|wall|page|thread|channel)\b"
    r"|\bspam (?:text|message|call|email) (?:said|says|saying)\b"
    r"|\b(?:bought|brought|buy|sell|carry|stock) (?:the |some |a )?spam\b|\bfiltrad[oa]s? (?:como|de) spam\b"
    r"|\bfiltered (?:as|into|to) spam\b|\b(?:got|gets|get|was|were) (?:flagged|marked|labeled|labelled) as spam\b"
    r"|\bde un n[uú]mero (?:raro|extra[nñ]o|desconocido|de \w+)\b|\bspam diciendo que\b"
    r"|\b(?:flagged|labeled|labelled|marked) as ['\"\u2018\u201c]?(?:potential|possible|likely|suspected) spam\b"
    r"|\bspam (?:is|was) (?:fine|good|great|ok|okay) for\b|\bel spam es (?:mejor|peor|igual)\b"
    r"|\b(?:ha|han|me ha|me han) (?:salido|llegado|entrado) (?:como|en|a) spam\b"
    r"|\bfiled (?:your|the|it|this) (?:\w+ )?under spam\b"
    r"|\bmarked (?:the|your|this) number as safe\b|\b(?:junk|spam) (?:folder|box|filter)\b"
    r"|\bspamming (?:you|y'?all|ya) with\b"
    r"|\bfrom (?:a|some) (?:weird|strange|unknown|random) number\b"
    r"|\b(?:i|we|my \w+|he|she) (?:spam|spams|spammed|kept spamming)"
    r" (?:you|your|u|ya|yall)\b)"
)


# a question tag after a request ("ya no me escriban, ¿eh?", "ya dejen de escribirme, cheque?"): it asks nothing
_TAG_ASKED = re.compile(
    r"[^?\u00bf]*[,.!\s]\s*\u00bf?\s*(?:eh|cheque|ok|okay|okey|vale|s[i\u00ed]|no|ya|right|verdad|va|sale|o[i\u00ed]ste"
    r"|me oyes|entiendes|me entiendes|cachai|ta|yeah|ves|entendido|understood|got it|k|claro|ne|ja)\s*\?+[\s!.]*",
    re.IGNORECASE,
)


# praise of a thing, not of the texts ("STOP, that roast pork is a religious experience", "STOP, qué nítido quedó el
# aro"): a STOP before it is an exclamation, as before a word of delight
_PRAISE = re.compile(
    r"\b(?:(?<!\bfor )the best|better than|best \w+ (?:ever|in town|around)|prettiest|tastiest"
    r"|\w+est (?:\w+ ){0,3}(?:ive|i have|youve|you have|weve|we have) ever|ever (?:seen|had|tasted|eaten)"
    r"|religious experience|to die for"
    r"|looks? (?:like|brand new|amazing|incredible|unbelievable|perfect|so good|beautiful|gorgeous)|babeando"
    r"|(?:is|was|are|were) (?:fire|a masterpiece|a work of art|a dream)"
    r"|que (?:rico|rica|ricos|ricas|nitido|nitida|bonito|bonita|bonitos|bonitas|hermoso|hermosa|lindo|linda|chulo"
    r"|chula|sabroso|sabrosa|delicia)|(?:es|son|esta|estan|estaba|estuvo|quedo|quedaron|estuvieron)"
    r" (?:bien |muy |super )?(?:tuani|bacan|brutal|de muerte|de lujo|chido|chida|padre|una joya|una delicia"
    r"|lo maximo|riquisim\w*|buenisim\w*|delicios\w*|espectacular\w*|increible)|lo mejor (?:que|de)|una joya"
    r"|mejor que|out of this world|de otro mundo|too fine"
    r"|(?:que|bien|muy|super|tan) (?:guay|chilero|chilera|chileros|chileras)"
    # "qué olas más buenas", "qué tubazo", "that bobcat looks alive", "you're an artist"
    r"|que (?:\w+ )?(?:mas|tan) (?:buen|bueno|buena|buenos|buenas|bonit\w+|lind\w+|ric\w+|chul\w+)|que \w{2,}az[oa]s?"
    # "qué tuani la foto", "se me hace la boca agua", "está de locos", "glorious", "bigger than my head"
    r"|que (?:tuani|lindos|lindas|chevere|bacan|chido|chida|padre|guapo|guapa) |se me hace (?:la )?boca agua|de locos"
    r"|glorious|me tiemblan las piernas|bigger than my head|exactly what (?:ive|i have|i ve) been (?:\w+ing) for"
    r"|vaya pinta|que (?:buena|bueno|buenas|buenos|rica|rico) se ven?"
    r"|se ven? (?:demasiado|bien|muy|super) (?:buen|ric)\w*"
    r"|looks? just like|has me shook|going on the (?:christmas card|fridge|wall)"
    r"|(?:is|are) (?:a |an )?(?:national )?treasures?\b"
    r"|\bque pinta (?:tienen|tiene|traen|tenian)\b|\bque pasada\b|(?:is|are|was) (?:pure |a )?genius\b"
    r"|(?:is|was|were|are) (?:pure |simply )?heaven(?:ly)?\b|(?:is|are) (?:so |too )?dangerous\b"
    r"|(?:is|was|were|are) (?:pure |absolute )?perfection\b|\w+est (?:\w+ ){0,2}(?:ive|i have) (?:seen|had|tasted)\b"
    r"|\bde (?:postal|pelicula|cine)\b"
    r"|looks? (?:alive|real|so real)|(?:youre|you are|ur|you re) (?:an? )?(?:artist|genius|wizard|legend)s?"
    # "the sweetest thing", "se ve bravazo", "belongs in a museum", "de otro planeta", "qué salteñas más jugosas"
    r"|\bthe \w+est thing\b|\bse ven? \w+az[oa]s?\b|\bbelongs? in a museum\b|\bde otro planeta\b"
    r"|\blo mas (?:rico|bonito|lindo|sabroso|hermoso|bueno) de\b|\b(?:is|was) a (?:monster|beast|beauty|stud)\b"
    r"|\bque (?:\w+ ){1,2}(?:mas|tan) (?!(?:car[oa]s?|fe[oa]s?|pesad\w*|mal\w*|molest\w*|horribl\w*|aburrid\w*)\b)\w+"
    # "made my whole week", "me hizo llorar", "está para comérselo", "obra de arte", "quedó como nueva", "se ve jevi"
    r"|\bmade my (?:whole |entire )?(?:day|week|month|year|morning|night)\b|\bsweeter than\b|\bis a steal\b"
    r"|\bme (?:hizo|ha hecho|hicieron|han hecho) llorar\b|\bme mato\b|\bpiel de gallina\b|\bpara comer(?:selo|sela)\b"
    r"|\bobra de arte\b|\bcomo nuev[oa]s?\b|\bse (?:lucio|lucieron|luce)\b|\bde escandalo\b|\bque belleza\b"
    r"|\bme (?:estan|esta) llamando\b|\btiene (?:una )?pinta\b|\bprovoca (?:ir|comer|volver)\b"
    r"|\b(?:se ven?|esta|estan|estuvo|estuvieron|es|son|quedo|quedaron) (?:demasiado |bien |muy |super |re |tan )?"
    r"(?:jevi|chevere|brutal(?:es)?|lind[oa]s?|enormes?|bell[oa]s?|precios[oa]s?|divin[oa]s?|buenaz[oa]s?|de lujo"
    r"|bacan[oa]?s?|chivisim[oa]s?|increibles|una locura|una barbaridad)\b|\bque barbaridad\b|\bagua la boca\b"
    # "is so sick", "has me tearing up", "bigger than my kid", "me ha abierto el apetito", "me tiene soñando"
    r"|\b(?:is|are|was|looks?) so sick\b|\btearing up\b|\bbigger than (?:my|your|his|her) \w+|\babierto el apetito\b"
    r"|\bme tienen? sonando\b|\bpara chuparse los dedos\b|\bsin aire\b|\bpara enmarcar\b|\bun escandalo\b"
    r"|\buna pasada\b|\blo mas \w+ que (?:he|hemos|haya|hayamos) visto\b|\bpelos de punta\b|\bdientes largos\b"
    r"|\bque buena pinta\b"
    # "qué bárbaro ese corte", "qué pinta tiene ese jamón", "qué buena la pega", "your donuts are ridiculous"
    r"|que (?:barbaro|barbara|pinta tiene|pintaza|pintazas)|(?:is|are) (?:ridiculous|crazy)"
    r"|que (?:buena|bueno|buenas|buenos|lindas|lindos|bonitas|bonitos) (?:la|el|las|los|esa|ese|esas|esos)"
    # "that pasty looks criminal", "should be illegal", "I need it": a thing wanted, delight
    r"|looks? (?:criminal|illegal|sinful|insane|unreal|dangerous|sharp|slick|great|fantastic)|should be illegal"
    r"|(?:is|are|look|looks) so (?:pretty|cute|good|nice|beautiful)|de otro nivel"
    r"|se ven (?:bien |muy |super )?(?:ricas|ricos|buenas|buenos|deliciosas|deliciosos|bonitas|bonitos|lindas|lindos)"
    r"|(?:i|we) (?:need|want) (?:it|that|this|one|them|those|these)(?: on my \w+| now| so bad| bad| immediately)*"
    r"(?= ?\||$)"
    r"|\bjust looking at (?:the|that|this) (?:picture|photo|pic)\b|\bim booking (?:a table|it)\b"
    r")\b"
)


def unthanked(flat: str) -> str:
    """The reply without its clauses of thanks for what was ("thanks for an awesome week on the water"): a farewell,
    whatever delight its words hold."""
    return " | ".join(clause for clause in flat.split(" | ") if not _THANKED_FOR.match(clause)) if "|" in flat else flat


# "Stop texting. Who even is this?": asking who sends is no question about the request
_WHO_ASKS = re.compile(
    r"\b(?:who (?:even )?(?:is|are) (?:this|you|u|yall|you people|these people)|who dis"
    r"|quien (?:es|eres|son)\b(?: \w+)?)"
)
_PLEASED = re.compile(r"\b(?:please|pls|plz|por favor|porfa|porfavor|xfa)\b")
# a fond look back beside thanks ("Cancel. Thanks for the ride, the grandkids loved it") is a farewell
_FOND = re.compile(
    r"\b(?:loved|enjoyed|had a blast|had fun|great time|still talks? about|nos encanto|me encanto|disfrutamos"
    r"|una maravilla|(?:estaba|estuvo|estaban|estuvieron|was|were|fue) (?:\w+ )?(?:ric[oa]s?|riquisim\w*|buenisim\w*"
    r"|deliciosa?s?|delicious|great|amazing|wonderful|lovely|perfect|awesome|increible|espectacular|una delicia))\b"
)
_TEXT_WORDS = r"te?xt\w*|txt\w*|sms|messag\w*|msgs?|mensaje\w*|spam\w*"
TEXTS_NAMED = re.compile(rf"\b(?:{_TEXT_WORDS})\b")  # the texts named by any of their words
_COMPLAINED_OF = re.compile(rf"\b(?:{_TEXT_WORDS}|promo\w*|ads|ofertas)\b")  # or by the deals they carry
_SORRY = re.compile(
    r"(?:sorry|so sorry|perdon|perdonen|disculpen|disculpa|lo siento|que pena con (?:ustedes|usted|vos))\b"
)
# thanks for what is over ("Cancelar, pura vida y gracias por el viaje"): a farewell beside CANCEL, not what it cancels
_THANKED_PAST = re.compile(
    r"(?:(?:\w+ ){1,3}(?:y|and) )?(?:thanks|thank you|thank u|thx|gracias)(?: \w+)? (?:for|por) (?:the |el |la "
    r"|our |my |this |esta |este |nuestro |nuestra )?(?:\w+ )?(?:trip|ride|tour|stay|visit|season|memories|viaje|paseo"
    r"|estancia|estadia|visita|temporada|recuerdos|todo|everything)\b"
)
_CONTRARY = re.compile(r"\b(?:but|pero|though|tho|except|excepto|next|proxim\w*|again|otra vez)\b")


def question_follows(text: str, marked: str, found: str) -> bool:
    """A question asked after the request ``found`` ("Cancel. How much is a large pizza?"), not before it ("Why are
    you texting me at midnight?? Stop it. For good.") and not who sends ("Stop texting. Who even is this?")."""
    lowered = text.lower()
    at = lowered.find(found.split()[0]) if found.strip() else -1
    mark = max(text.rfind("?"), text.rfind("\u00bf"))  # none: a question without its mark ("Stop. Is it ready")
    if at < 0 or mark < 0 or mark < at:
        return at < 0 or mark < 0
    who = _WHO_ASKS.search(lowered, at)  # "Stop texting. Who even is this?" (but "Stop? Who is this": asked)
    return not (who and _WHO_ASKS.fullmatch(marked.rsplit("|", 1)[-1].strip()) and "?" not in text[at : who.start()])


def pleased(stop: str, clauses: list[str]) -> bool:
    """The request is said with "please" ("STOP please & thank you, love the shop tho"), or thanks or an apology
    right after it ("Baja, gracias por todo, la casa es una maravilla", "Baja. Qué pena con ustedes"): asked."""
    after = clauses[clauses.index(stop) + 1 :][:1] if stop in clauses else []  # the next clause only
    return _PLEASED.search(stop) is not None or any(
        _THANKED_FOR.match(c) or c in _THANKS or _SORRY.match(c) for c in after
    )


def weak_done(weak: str, others: list[str], clauses: list[str], asks: str) -> bool:
    """A weak revocation word (``weak``, bare) honoured beside other clauses (``others`` bare, ``clauses`` as said,
    without the word's): a block beside a complaint about the texts is done, not asked ("Texting me at 5 am on a
    powder day? Blocked.", "Blocked. Nobody needs a promo before sunrise"); thanks for what was and every other clause
    a fond look back is a farewell ("Cancel. Thanks for the ride, the kids loved it")."""
    if weak.startswith(("blocked", "bloquead")) and _COMPLAINED_OF.search(" ".join(others)):
        return True
    if not asks and clauses and all(_THANKED_PAST.match(clause) for clause in clauses):
        return True
    rest = [clause for clause in clauses if not _THANKED_FOR.match(clause) and clause not in _THANKS]
    fond = bool(rest) and all(_FOND.search(clause) and not _CONTRARY.search(clause) for clause in rest)
    return not asks and fond and len(rest) < len(clauses)


_THANKS = frozenset({"thanks", "thank you", "thank u", "thx", "ty", "gracias", "thanks so much", "thank you so much"})


def praised(flat: str) -> bool:
    """Praise of a thing in the reply (``_PRAISE``)."""
    return bool(_PRAISE.search(flat))


def reply_asks(text: str, flat: str) -> bool:
    """A question mark or an opening one ("¿"), but not a question tag alone after a request ("that's spam, right?"
    asks whether it is); or a last clause that is a question without its mark."""
    if ("?" in text or "\u00bf" in text) and ("spam" in text.lower() or not _TAG_ASKED.fullmatch(text)):
        return True
    return "|" in flat and asks_without_mark(flat)


def asks_without_mark(flat: str) -> bool:
    """The last clause is a question without its mark ("Stop. Is my prescription ready for pickup")."""
    last = _last_clause(flat).split()
    if last and last[0] in _ASIDES:  # "Unsubscribe. btw what's my balance"
        last = last[1:]
    if last[1:2] == ["got"] and last[0] in {"you", "yall", "u"}:  # "You got any Gibson SGs under $900"
        last = last[1:]
    starts = " ".join(last[:2])
    return (
        len(last) >= _QUESTION_WORDS
        and (last[0] in _QUESTION_STARTS or starts in _QUESTION_PAIRS)
        and (starts not in _NOT_QUESTIONS or last[2] in _ASKED_OF_THE_BUSINESS or bool(_SERVICE.match(" ".join(last))))
    )


def _last_clause(flat: str) -> str:
    """The last clause; a mark inside a number, a time or after a title splits none ("is the 8 | 20 sailing full",
    "did dr | patel get my results back", "do you all have 11r22 | 5 drives")."""
    clauses = flat.split("|")
    last = clauses.pop()
    while clauses and (last.lstrip()[:1].isdigit() or not _TITLES_BEFORE.isdisjoint(clauses[-1].split()[-1:])):
        last = clauses.pop() + last
    return last


def spam_not_said(text: str, asks: bool) -> bool:
    """Spam asked about ("is one of them spam?", "¿eso es spam?") or the meat named ("my own Spam"), not said."""
    return bool((asks and _SPAM_ASKED.search(text)) or _SPAM_NAMED.search(text))


def limit_asked(flat: str, keyword: str) -> bool:
    """Whether a clause beside a keyword said in a clause of its own asks for a limit ("Stop. Only weekends", "Baja,
    mándenme solo lo de la cita"); an hour named there without one is complained of ("STOP. It's 5:45 in the morning",
    "Baja, a las 11 de la noche, qué falta de respeto")."""
    clauses = [clause.strip() for clause in flat.split("|")]
    return keyword not in clauses or any(_ASKS_LIMIT.search(clause) for clause in clauses if clause != keyword)


def limit_named(
    flat: str, matched: str, opt_out: bool, rules: tuple[Rules, Rules, Rules], beginnings: Beginnings | None
) -> str | None:
    """The limit a revocation (``opt_out``) or a cue is said with ("stop texting me at 6am", "stop the promos but keep
    my reminders"), which a person reads; None when there is none. ``rules``: the limits of times, of kinds of text,
    and the revocations. An hour beside a keyword said in a clause of its own is complained of, unless a clause asks
    for a limit; a block done or a threat is limited by nothing ("Blocking you now, three messages before 8am"), nor a
    request said again in a clause without the hour ("Dejen de escribirme a las 4, no quiero más mensajes")."""
    times, kinds, revocations = rules
    if opt_out and (threat(matched) or _DONE.search(matched)):
        return None  # no hour nor kind of text limits a block done or a threat
    if not (found := (times if opt_out else kinds).search(sincere(flat), beginnings)):
        return None
    if not opt_out or kinds.search(flat, beginnings):  # a kind of texts kept is a limit whatever else is refused
        return found[0]
    if not limit_asked(flat, matched):
        return None
    # an hour in a clause of its own telling how the texts come, asking nothing, is complained of ("how do I make
    # these texts stop? they come at dinner every night")
    told = next((clause for clause in flat.split("|") if found[0] in clause), "")
    if matched not in told and _TEXTS_COME.search(told) and not _ASKS_LIMIT.search(told):
        return None
    # the hour in a request, and the request said again without one: the hour is complained of, not a limit
    timed = [c.strip() for c in flat.split("|") if revocations.search(c.strip(), beginnings)]
    again = any(found[0] in c for c in timed) and any(not times.search(c, beginnings) for c in timed)
    return None if again else found[0]


def threat(matched: str) -> bool:
    """Whether a revocation's words threaten ("I'm reporting you", "the attorney general")."""
    return _THREAT.search(matched) is not None


def sincere(flat: str) -> str:
    """The reply without a clause said in sarcasm and the clause it mocks ("love texts at 6am, said no one")."""
    return _SARCASM.sub(" ", flat) if "said no" in flat else flat


class PhraseWords:
    """Whether a reply has all the words of one of some phrases: the phrases are indexed by their longest word, so
    a reply looks up its words once, and tests the few phrases that share one (most replies have none). A clause
    can be one of the phrases, give or take other words, only if the reply has all its words."""

    def __init__(self, phrases: Iterable[str]) -> None:
        index: dict[str, list[frozenset[str]]] = {}
        for phrase in phrases:
            words = phrase.split()
            index.setdefault(max(words, key=len), []).append(frozenset(words))
        self.index = {word: tuple(needed) for word, needed in index.items()}
        self.keys = frozenset(self.index)

    def any_in(self, words: list[str]) -> bool:
        if self.keys.isdisjoint(words):
            return False  # most replies, at one set test
        present = set(words)
        return any(needed <= present for word in self.keys & present for needed in self.index[word])
