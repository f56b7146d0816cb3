# The three replies every campaign must carry (CTIA: HELP and STOP always get an answer, and so does a keyword opt-in).
REPLY_TEXTS = {
    "help_text": "Acme: help at acme.example/help or 888-555-0100. Msg&data rates may apply. Reply STOP to cancel.",
    "opt_out_text": "Acme: you are unsubscribed and will receive no more messages.",
    "opt_in_text": "Acme: you are subscribed. Msg&data rates may apply. Reply HELP for help, STOP to cancel.",
}
