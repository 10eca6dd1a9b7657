"""What a free-text question asks for: its topic cues and its language.

Cues are the words of the question itself ("who plays", "quién hace de", "season 2"). Words for
individual facts ("directed", "estreno") live with the facts, as claim `keywords` in the knowledge,
so moderators can teach the bot a new question without touching code.
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.core.answering.answer import Language, Topic
from bot.core.text import fold

SEASON2_NAMES = frozenset({
    "season 2", "season two", "second season", "2nd season", "s2", "new season", "next season",
    "another season", "more seasons", "temporada 2", "segunda temporada", "nueva temporada",
    "otra temporada", "proxima temporada", "somos 2",
    "season2", "sn 2", "szn 2", "ssn 2", "season ii", "part 2", "part two", "second part",
    "following season", "upcoming season", "2nd temporada", "temporada2", "temp 2", "2da temporada",
    "2a temporada", "2 temporada", "segunda parte", "parte 2", "siguiente temporada",
    "nuevos episodios", "nuevos capitulos", "new episodes", "temporada dos", "parte dos",
    "season 02", "s02", "temp 02", "segunda temp", "2nd szn",
    "otra tanda", "nueva tanda", "la segunda de somos", "new somos season", "new somos episodes",
    "another somos season", "second somos season", "next somos season", "mas temporadas",
    "sale la 2", "salga la 2", "sacan la 2", "saquen la 2", "la 2 de somos", "la 2da", "una 2da",
    "second series", "series 2", "series two", "next series", "another series",
    "further episodes", "more episodes coming",
    "more episodes of somos", "mas episodios de somos", "mas capitulos de somos", "more of somos",
    "potential second season", "potential season 2", "potential season two", "potential s2",
})  # fmt: skip
"""Phrases that name the second season itself: a question using one is about season 2, even
when it also says "cast", "plot" or "episodes" (`season 2 cast`, `de qué trata la temporada 2`)."""

CUES: dict[Topic, frozenset[str]] = {
    Topic.CAST: frozenset({
        "who plays", "who played", "who is playing", "play", "plays", "played", "playing", "actors",
        "actresses", "casting", "roles", "characters", "who is in", "who was in", "portrays",
        "portrayed", "quien hace de", "hace de", "quien interpreta", "interpreta", "interpreto",
        "actua", "actuo", "actores", "actrices", "personajes", "acts", "acted", "acting",
        "actors in", "cast list", "cast members", "who is in it", "whos in it", "who stars",
        "lead actor", "lead actress", "male lead", "female lead", "performer", "performers",
        "interpretan", "interpretaba",
        "actuan", "actuaron", "actuo en", "salen", "sale en", "quienes salen", "quien sale",
        "aparece", "aparecen", "appears", "appear", "plays in", "papeles", "elenco completo",
        "reparto completo", "sale como", "salia como", "da vida", "le da vida", "dio vida",
        "dar vida", "darle vida", "brought to life", "brings to life", "bring to life",
        "le pone cara", "le puso cara", "to life", "encarna", "encarno", "took the part",
        "the part of", "what part", "which part", "shows up as", "show up as", "appears as",
        "whos in", "sale de quien", "sale de",
        "le toca ser", "toca ser", "le toco ser",
        "part in", "s part", "de que sale", "de q sale", "main guy", "main girl", "lead guy",
        "hace a", "quien hace a",
        "quien hizo a", "hizo a", "en la vida real", "in real life",
        "le toco hacer", "toco hacer",
        "her name", "his name", "su nombre", "role", "rol", "que rol", "que pinta en",
        "es quien en", "quien es en somos",
        "who was he in", "who was she in", "who is he in", "who is she in",
    }),
    Topic.EPISODE: frozenset({
        "episode", "episodes", "ep", "eps", "episodio", "episodios", "capitulo", "capitulos",
        "episode list", "titles", "titulos",
        "chapter", "chapters", "cap", "caps", "episode names", "episode titles", "titled",
        "se titula", "se llama", "se llamaba", "se llamaban", "nombres de los capitulos",
        "nombres de los episodios",
        "what number", "which number", "is what number", "que numero", "el numero",
        "episode number", "numero de episodio", "what order", "which order", "in order",
        "episode order", "watch order", "en que orden", "en orden", "orden de los episodios",
        "capi", "capis", "episode title", "episode name", "titulo del episodio",
        "titulo del capitulo", "lista de capitulos", "lista de episodios", "list of episodes",
        "titulos de los capitulos", "titulos de los episodios", "installment", "installments",
        "entrega",
        "como se llaman", "y como se llaman", "what are they called", "y sus nombres",
        "and their names", "and what are they called",
    }),
    Topic.SEASON2: SEASON2_NAMES | frozenset({
        "renewed", "renewal", "renew", "cancelled", "canceled", "cancel", "more episodes",
        "more eps", "mas caps",
        "come back", "coming back", "return", "returning", "sequel", "renovada", "renovacion",
        "renuevan", "cancelada", "cancelaron", "mas episodios", "mas capitulos", "vuelve",
        "volvera", "regresa", "regresara", "continuacion", "secuela",
        "renovaron", "renovara", "renovado", "renovar", "renovarla", "renovarlo", "better renew",
        "cancelado",
        "cancelar", "continue",
        "continued", "continues", "continuara", "seguira", "will it return", "be back",
        "sequel season", "mas de somos", "renewing", "renewals", "renovaran",
        "renueva", "announced", "announcement", "said anything", "dijo algo", "anunciado",
        "anunciaron", "only one season", "just one season", "una sola temporada", "axe", "axed",
        "esta muerta", "muerta del todo", "sacando temporadas", "seguir sacando", "is it dead",
        "picked it up", "picked up for", "pick it up for", "done and dusted",
        "binned", "ghost it", "ghosted", "radio silence", "say anything", "ever say", "la mato",
        "ya la mato", "la mataron", "another round", "regrese",
        "vuelva", "regresen", "green light", "greenlit", "greenlight", "luz verde", "follow up",
        "followup", "a follow up", "la dejaron en",
        "dejaron en una temporada", "quedo en una temporada",
        "solo una temporada", "there be more", "gonna be more", "habra mas", "haber mas",
        "officially over", "is it over", "is somos over", "is the show over",
        "is the series over", "se acabo la serie", "se acabo somos", "se acabo", "over for good",
        "just over", "done done", "finished for good",
        "viene mas", "vienen mas",
        "se termino", "termino para siempre", "done for good", "more somos", "mas somos",
        "likely", "unlikely", "probable", "poco probable", "improbable", "chances", "odds",
        "could still happen", "puede haber", "todavia puede", "more coming", "is there more",
        "renewal status", "status", "estatus", "confirmed", "confirm",
        "confirmado", "confirmada", "confirmo", "confirmaron", "confirmar",
        "probabilidad", "la dejan asi",
        "still alive", "any updates", "2da temp", "segunda temp", "haya mas", "puede que haya",
        "final abierto", "quedo abierto",
        "limbo", "in limbo", "ya valio", "valio", "nunca dijo nada", "no dijo nada",
        "ha dicho nada", "han dicho nada", "never said anything", "said nothing",
        "is that the end of the story", "thats the end of the story", "is it the end of the story",
        "story just ended", "story ended", "story is over", "la historia termino",
        "la historia se acabo",
    }),
    Topic.CREATORS: frozenset({
        "creators", "create", "creado", "creada", "creadora", "creadores", "directs", "direct",
        "written", "write", "escrita", "escritor", "showrunner", "made it", "made", "behind",
        "crew", "people behind", "creators and crew", "made by", "created by", "directed by",
        "written by", "wrote it", "screenwriter", "screenwriters", "scripts", "hicieron",
        "quienes hicieron", "crearon", "creo la serie", "escribieron", "dirigieron", "dirigida por",
        "escrita por", "creada por", "guiones", "equipo", "filmmaker", "filmmakers", "came up with",
        "come up with", "se le ocurrio", "job", "jobs", "trabajo", "worked on", "trabajo en",
        "trabajaron", "making", "makers", "making of", "credits", "creditos", "involved",
        "involucrado", "involucrada", "participo", "participa", "participated", "took part",
        "part of it", "detras de", "esta detras", "mastermind", "mente maestra", "penned",
        "who penned", "se encargo",
        "se encargaron", "a cargo", "in charge", "ideo", "la ideo", "came up with it",
        "who shot it", "who shot somos", "team behind", "escribe", "escriben",
    }),
    Topic.SHOW: frozenset({
        "about", "based", "come out", "watch", "netflix", "genre", "trata", "basada", "basado",
        "ver", "argumento", "what is somos", "que es somos", "whats it about", "tratara",
        "when was it released", "donde la veo", "donde puedo ver", "genero", "setting", "basa",
        "se basa", "basaron", "se basaron", "basan", "se basan", "de verdad paso", "realmente paso",
        "paso de verdad", "really happened",
    }),
    Topic.SOURCES: frozenset({
        "how recent", "how up to date", "que tan recientes", "que tan actualizada",
        "que tan actualizado", "que tan actualizados",
        "source", "sources", "fuente", "fuentes", "citations", "references", "articles",
        "where do you get", "de donde sacas", "information", "informacion",
        "info", "your info", "your sources", "tus fuentes", "datos", "how do you know",
        "como sabes", "where does your information come from", "de donde sale",
        "referencias", "citas", "links", "enlaces", "bibliography", "cite", "cites", "cited",
        "sites", "websites", "site", "website", "paginas", "sitios", "wikipedia", "any of this",
        "article", "articulo", "articulos", "fuentes usas", "que fuentes", "te basas",
        "reliable", "trustworthy", "accurate", "mistakes", "mistake", "errors",
        "error", "errores", "fiables", "confiables", "fan site", "fan sites", "published",
        "publicaron", "publicado", "publicados", "facts", "your facts", "your answers",
        "answers from", "tus respuestas", "trust your", "trust you", "confiar en ti",
        "confiar en tus", "bot based on", "you based on", "u based on", "are you based",
        "se basa el bot", "en que se basa el bot", "pull from", "pull your info", "get your info",
        "get this info", "sacas la info", "sacas tu info", "its facts", "its info", "bot get",
        "de donde te sacas", "la sacas", "your stuff", "random websites", "random sites",
        "tu info", "data", "la data", "your data", "make stuff up", "where does this come from",
        "de donde sacaste", "de fiar", "esas fuentes", "any source", "any sources", "fan pages",
        "fan page",
        "blogs",
        "quoting", "citing", "official sources", "fuentes oficiales", "consultaste",
        "son oficiales", "they official", "que paginas", "sacas lo que", "son de fans",
        "te puedo creer", "can i believe", "rely on", "you rely", "built on", "bot built",
        "me puedo fiar", "fiarme", "fiar de", "trust what you say", "actually trust",
        "years ago",
        "newest article", "latest article", "oldest article", "most recent article",
        "articulo mas reciente", "articulo mas viejo", "articulo mas antiguo", "you pull",
        "article you", "articles you", "articulo que usas", "articulos que usas", "can i trust",
        "trust these", "trust the articles", "puedo confiar", "son confiables",
        "up to date", "ancient news", "old news",
        "knowledge coming from", "knowledge come from", "your knowledge", "bot s knowledge",
        "where did you read",
        "read all this", "read all that", "sus respuestas", "sus fuentes",
        "where did you hear", "hear all that", "donde lo sacaste", "donde lo sacas",
        "where did you get", "where did you even get", "where you getting", "where are you getting",
        "where do you even get", "info current", "how current", "still current",
        "make things up", "making stuff up", "making things up",
    }),
    Topic.HELP: frozenset({
        "help", "ayuda", "commands", "comandos", "what can you do", "que puedes hacer",
        "how do i use", "como te uso", "what can i ask", "que puedo preguntar", "use this bot",
        "how to use", "how do i even use", "use you", "how does this thing work",
        "como funciona esta cosa", "slash command", "slash commands", "comando con barra",
        "se utiliza", "como lo utilizo", "como utilizo", "como le pregunto", "como utilizar",
        "utilizar este bot", "usar este bot", "what are you even for", "what r u for",
        "hago una pregunta", "te hago una pregunta", "como te hago", "usarte", "como te usa",
        "nueva en el server", "nuevo en el server", "new to the server", "new on the server",
        "just type",
        "how does this work", "how do you work", "como funciona", "como funcionas",
        "what do you do", "what can you answer", "que sabes", "what do you know",
        "instructions", "instrucciones", "usage", "menu", "options", "opciones",
        "como funciona esto", "como se usa", "te puedo preguntar", "puedo preguntarte",
        "comandos disponibles", "que comandos", "what commands", "how does this bot work",
        "que puedo hacer", "what can i do", "what do i type", "what should i type",
        "how do i ask", "como te pregunto", "como pregunto", "que escribo", "should ask",
        "how to ask", "ask you questions", "como preguntarte", "como debo preguntar",
        "ask you a question", "supposed to ask", "interact with you", "puedo hacerte",
        "preguntas puedo hacerte", "que tipo de preguntas", "what kind of questions",
        "what type of questions", "que comandos tenes", "comando", "command",
        "how this works", "how this bot works", "how the bot works", "como funciona el bot",
        "i am new here", "new here", "you speak", "hablas", "idiomas respondes",
        "idiomas hablas", "idiomas contestas", "respondes en", "contestas en", "answer in",
        "entiendes", "able to ask", "sabes hacer",
        "preguntarte", "bot even for", "this bot even", "bot para que sirve",
        "te puedo escribir", "puedo escribirte", "can i write to you", "can i type",
        "mis preguntas", "my questions", "formular", "should i ask", "ask you stuff",
        "answer stuff", "can i talk to you", "talk to you in", "phrase my",
        "what can i ask you", "can i ask you", "can i ask u", "puedo preguntarte en",
        "what are you for", "what is this bot for", "whats this bot for", "para que sirves",
        "para que sirve este bot", "para que sirve el bot", "im lost", "estoy perdido",
        "estoy perdida",
        "can i ask", "kinda stuff", "what kind of things can i ask", "que cosas te puedo preguntar",
        "como funciona este bot",
        "primera vez aqui", "first time here", "soy nuevo", "im new here", "stuff do you know",
        "things do you know", "cosas sabes", "can this thing do", "this thing even do",
        "para que servi", "que haces exactamente", "how do i talk to you", "how to talk to you",
        "bot y tu que haces",
        "what do you do exactly", "what exactly do you do",
        "kinds of questions", "types of questions", "questions i can ask", "tipos de preguntas",
        "bot que haces", "que haces bot",
    }),
}

FUNCTION_WORDS = frozenset(
    """a an and the of to in on at by for with from us is it its me my i you your who whom what
    which when where why how was were are be been will would can could do does did there this that
    these those tell give show name names please any some one ok so than then about just also
    de del la las el los y en con por para un una al lo su sus se que quien quienes cual cuales
    cuando donde como es son fue era hay habra va van me mi tu dime dame sobre esta este esto eso
    ese the serie series show somos netflix
    whos whats wheres hows whens im u ur pls plz he she him her his they them their has have had
    am being bot
    esta estas estan estoy estos estas tiene tienen tuvo tenia le les ya muy pero si no o mas
    hace hacen hacer hizo hicieron kien kienes ke
    gonna wanna gotta going get gets got know knows knew think thought want wants need needs say
    says said mean means really actually maybe probably still yet ever already now soon again too
    very much many more most all every each other another only even if or but because since
    while until after before out up down over into off here thing things something anything
    anyone someone somebody anybody guys hi hey hello yo lol omg bro dude thx thanks thank idk tbh
    btw yeah yes yep nope not don doesn didn isn aren wasn weren won couldn wouldn shouldn haven
    hasn could should might may must let lets see look find found come comes coming goes go went
    called named call anyone does doing done know wondering wonder curious question ask asking
    answer someone else way well our we guy stuff kind type sort tipo cierto kinds types sorts
    tipos
    alguien algo alguna alguno algun todavia aun nunca siempre tambien tampoco bien mucho mucha
    muchos muchas poco otro otra otros otras mismo misma cada todo toda todos todas nada nadie
    porque pues entonces oye oe vale bueno sabes sabe saber quiero quieres puedo puedes puede pueden
    podria habia han hemos vas vamos voy ser sido estar estado tener tengo tienes tendra sera
    tan tanto tanta
    seria soy eres nos nosotros ustedes ella ellos ellas yo usted tus mis te ti favor porfa
    porfavor xfa pq xq aqui ahi asi cosa cosas dijo dicen decir llama llamo acerca respecto
    segun entre hasta desde sin durante haber alguien pregunta saben sabias
    algunos algunas unos unas ambos varios varias pocos pocas poca ciertos ciertas cualquier
    ningun ninguno ninguna demas demasiado mismos mismas tal tales aquel aquella aquellos
    aquellas aquello ello esa esas esos mio mia mios mias tuyo tuya suyo suya nuestro nuestra
    nuestros nuestras vosotros ante antes despues luego aunque mientras sino casi apenas incluso
    quiza quizas tras dentro alli embargo solamente siendo sean seas fuera fueran fuese fui
    fuimos haya hayan hayas habian habria hubo hubiera tenga tengan teniendo tenido
    estaria estara estamos estando estuvo pueda puedan podra vaya
    above across along among amongst around away afterwards almost anymore anyhow
    become becomes became becoming cannot certainly clearly definitely despite enough
    especially few fewer furthermore hardly hence herself himself however indeed instead itself
    least less likewise mainly meanwhile merely moreover mostly namely nearly never
    nevertheless nonetheless nor obviously often onto ours ourselves perhaps possibly quite
    rather somehow sometimes somewhat such thus toward towards truly unless upon whatever
    whenever whereas wherever whoever whose within without themselves yourselves during
    surely theyll theyd youll nomas namas""".split()
)
"""Words that carry no subject of their own; everything else in a question must be understood."""

JUDGEMENT_WORDS = frozenset(
    """
    good great nice cool awesome amazing incredible gorgeous beautiful beautifully brilliant
    fantastic wonderful perfect excellent lovely sad heartbreaking bad terrible weird crazy wild
    insane interesting important right wrong true false real fake honest dumb stupid silly random
    mal buena buenisima buenisimo genial increible hermosa hermoso preciosa bonita lindo linda
    triste verdad mentira falso honesto tonta tonto chido chida padrisimo hermosisima mid
    chingona chingon chingonas chingones
    hermosisimo bellisima preciosisima joya relleno hype durisima durisimo arrecho arrecha
    tremenda tremendo unreal cabrona cabron
    """.split()
)
"""Everyday words of judgement. Around a question they are filler ("the photography is
gorgeous"); said of a name alone they ask a trait no claim holds (`is chema real`, `is
benjamin a good guy`), so there they still count (see `Reader._beyond_names`)."""

PERSON_NOUNS = frozenset(
    """
    lady guy man woman girl boy dude kid senora senor senorita chavo chava chavito chavita
    morro morra muchacho muchacha chico chica chamaco chamaca chaval chavala vato bato morrito
    pibe piba bloke lad sheila
    """.split()
)
"""Nouns for a person, which a fan may describe with a word of their own: `the old lady, doña
chayo`, `el chavo flaco que hace de chema`. Beside one of these and a name, the describing word
is the fan's picture of that person, not something asked (see `Reader._undescribed`)."""

HEARSAY_VERBS = frozenset(
    """
    said says saying told tells saw seen seeing heard hear hearing posted posting
    dijo dice dicen dijeron decia decian vi vio vieron visto viendo lei leyo oi oyo escuche
    escucho listed lists listing see sees veo vemos find encontre recommended recomendo
    recomendaron rumours rumors rumour rumor rumores
    """.split()
)
"""Verbs that tell where a fan heard something: `my friend said`, `i saw a tiktok saying`,
`lo vi en tiktok`. `read` is not one: `which sites did you read` asks about the bot's."""

FILLER_WORDS = frozenset(
    """
    people person everyone everybody nobody myself yourself word
    podemos skip skipped skipping between
    asked asks told tells swear swears swore sure thinks
    believe believes feel feels felt guess guessed remember remembers forgot forget recognize
    recognise heard hear hears read reading wondered
    confused confusing confuse understand understood explain explained meant try tried
    face faces looks looked seems seemed seem recall familiar
    stop stopped stopping thinking heart hearts broke broken rewatch rewatching rewatched
    lleva llevan llevo responder respondes contestar contestas contesta viene vienen
    made make makes making honestly seriously literally basically totally
    like likes liked love loved loves hate hated enjoy enjoyed
    crying cried cry wrecked inventas seguro segura
    bloody causa hiya wena zoned cabros cabras estimado estimada amable amables
    dear pata inventando fascinada fascinado pedo vea contar posta proporciona proporcionas
    available utilizarlos utilizarlo usarlos bawling sobbing clue rundown excuse consulta consultas
    outdated desactualizada desactualizado comparte compartes invento
    narra narran
    loquisimo loquisima
    okay alright anyway anyways though although echan
    wait hmm huh um uh ah oh wow lmao haha hahaha jaja jajaja xd
    ty fam yall fr ngl imo rn
    night day today tonight yesterday week weekend time times moment
    last first finally once whole entire together alone
    watched watching watch binged binge finished finish saw seen started start
    questions doubt help
    quick quickly brief breve little bit lot lots kinda sorta pretty super urge urgente urgent
    actuacion actuaciones canona lujo pensar passed estarian estaran
    chao chau bulo bulos decirme
    soo sooo raja note aber chamo mano vaina tenes provide provides verified verify
    unofficial official oficial proviene provienen ofrece ofreces newer older interact forma
    madrugar mentally prepare epa asere desperate move drawn obtiene obtienes peli pelis
    acere naranjas humo fast bodrio able cacho burda carajo
    manera cheers escribir medio pesada pesado past das refiero refieres mil bola lenta lento
    slow regaleme regalame hagan ahre mijo mija beyond destruido destruida taking aussie
    either neither both same different
    isnt arent wasnt werent dont doesnt didnt cant wont couldnt wouldnt shouldnt havent hasnt
    ive youre theyre thats theres heres hes shes weve theyve id youd itll ill lemme gimme
    anywhere somewhere everywhere nowhere later earlier sooner usually normally generally
    total altogether overall exactly needed necesito necesita necesitamos quisiera
    hola hacia hacian estaba estaban eran fueron sabemos queria
    keep keeps kept keeping tried trying use using used uses usas usa usamos
    told telling talk talking talked wanted hoping hope hopes guessing
    quede quedaste ganas nah sentence briefly summarize summarise
    sorry arguing argue argued debate debating whether bet apparently
    supposedly searched searching forgotten
    perdon disculpa disculpen ame amo encanto encanta olvido olvide encuentro
    encuentra encontre busque buscando discutiendo apuesto supuestamente dizque
    ahora hoy ayer anoche noche dia semana rato vez veces momento
    gente persona chavos chavas viejita viejito huge late early shock onda creen piensan
    handled handle handles handling asap aguanto
    dijeron dicho everything
    pregunto preguntas pregunte dice digo jura creo cree crees pienso
    piensa recuerdo acuerdo conozco conoce sabia supe oi escuche lei entiendo
    entender entiende duda dudas confundido confundida
    cara parece parecia increiblemente
    llorando llore llorar
    sinceramente neta osea sea manches mames chale aparte besides ademas igual normal
    oigan diganme digan located ubicado spelled spelt picada picado etc
    vi vimos visto viendo terminamos termine acabo acabe acabamos quedamos quedo
    juntos juntas solo sola completo completa entera
    jeje gracias mira che wey guey
    famous famoso famosa ponemos poner pone ponen saying feed timeline fyp algorithm algoritmo
    actual check checked checking learn learned learning fan fans seeing destroyed ruined
    obsessed hooked addicted excited exciting hyped waiting waited bored mind blown feelings
    emotional chills tears
    volviendo volvi loco loca rapida rapido rapidito rapidita sacaron sacan sacar emocionada
    emocionado esperando espero esperar ansiosa ansioso obsesionada obsesionado enganchada
    enganchado lagrimas general
    plis pliss porfis porfavor xfa planning plan plans planned through point legit
    aviento avientas aventar avente saquen saque sacara sacaran contra puro pura rumor rumour
    rumors rumours rumores chisme argument arguments fell asleep sleep slept dormi dormido
    dormida mix mixed mixing edit edits pasenme pasame pasa seguir sigo puso pusieron clase
    dejo dejaste hurt hurts felt school escuela class popping popped pops estudia estudio
    estudiando study studies studying agradecer agradecerle agradezco tal
    ages typo typos purpose comedy comedies comedia comedias stuff mejor escribirte preguntarte
    soltado solto soltar mantendria traeria traera therell thered theyll leer read existe
    exists realistically dejan asi supone entonces accent accents acento acentos tldr spoiled
    spoil spoilear refreshing refresh wise plotwise grew raised originalmente nel jumps jump
    jumping salta toy querian quisieron insisting insist insists settle opiniones opinion
    ando andamos details detalles put commit nuevo nueva leaks leak leaked filtraciones
    conflicting emotionally trolling explica explicame conto sirvio sirve destrozada destrozado
    case stay hopeful bunch hours hour regular picadisima picadisimo decirle deserves
    carried lado sitting eyes lees leiste ancient re
    decirte
    none mine hers theirs till nothing having hadnt shall ought gotten getting youve aint
    wouldve couldve shouldve mustve curiosity thoughts suppose supposed assume assumed
    assuming figure figured figuring imagine imagined realize realized realise realised
    notice noticed noticing knowing dunno idc wish wished wishing hoped tries bingewatched
    bingewatching agree appreciate appreciated tysm lately recently genuinely hopefully
    absolutely completely entirely fully simply always rarely barely fairly slightly
    extremely incredibly insanely ridiculously lowkey highkey otherwise immediately suddenly
    hella freaking freakin fucking regardless essentially technically personally
    particularly specifically frankly sincerely thankfully luckily unfortunately sadly
    weirdly randomly umm uhh whoa woah omfg gosh geez jeez damn dang darn yikes oops ugh meh
    aww ooh welp sup aight yea yup lmfao rofl wtf wth tbf imho fyi smh hehe ikr smth cuz tho
    thru tryna bruh bros folks shook scared terrified upset angry pumped stoked nervous
    anxious worried devastated heartbroken speechless annoyed frustrated disappointed
    surprised stunned intrigued puzzled baffled impressed sobbing laughing laughed glad
    thrilled grateful thankful relieved tired unsure overwhelmed gutted amused embarrassed
    afraid frightened spooked horrified stressed impatient eager sleepy exhausted
    alot cualquiera nosotras vos conmigo contigo porq pos tmb tmbn aca
    alla seran serian eramos estabamos estuve estuvimos tenemos teniamos tuve iba ibamos
    podia podrias podrian pude pudo debo debes debe deben deberia deberian debia queremos
    queriamos quise quisimos sabian supimos sepa sepan conoces creemos creia crei creiamos
    pensaba pense pensamos pensando imagino imaginaba imaginate supongo suponia entienden
    entendi entendimos entendia comprendo recuerdan recordaba acuerdan acorde preguntaba
    preguntarles preguntando dije comento comentaba comenten ayudenme ayudame ayudan
    expliquen explicar ves vemos viste veia veiamos mire miramos mirando miren fijate
    aventamos chute chutamos empece empezamos comence siento sientes senti sentimos sentia
    gusta gusto gustaria gustan intento intente intentando lloramos ahorita orita horita
    antier anteayer jamas recien recientemente ultimamente finalmente enseguida madrugada
    finde desvelado desvelada bastante literalmente honestamente basicamente obviamente
    claramente totalmente completamente seriamente simplemente definitivamente acaso
    aparentemente francamente sumamente extremadamente especialmente personalmente
    tecnicamente generalmente normalmente usualmente afortunadamente desafortunadamente
    lamentablemente tristemente exactamente okey oki okis dale orale andale hijole nel sip
    nop aja uff guau mmm ehh jajajaja jejeje alv nmms chin ups ojala cachai holi holis
    buenas saludos grax perdonen weyes compa compas parce parcero pana weon boludo
    curiosidad contento contenta nervioso nerviosa sorprendido sorprendida asustado asustada
    preocupado preocupada enojado enojada molesto molesta decepcionado decepcionada
    impactado impactada intrigado intrigada curioso curiosa cansado cansada frustrado
    frustrada clavado clavada agradecido agradecida
    ta tendria tendrian cambiaria cambiarian parte
    escapes escape escaped confundi confundio confuso confusa plural singular siguen sigue
    seguimos siguio pista pistas hint hints clue clues callado callada callados calladas
    pibes boluda posta copado copada barbaro groso grosa mina flaca currado currada narices mola
    guay flipando flipe flipado pasada chulo chula majo maja blokes lads mate mates innit
    cracking proper reckon reckons reckoned ago blanked blank flaco bacano bacana chevere po baso
    dormir lose losing left kindly indicarme indicar oficialmente officially creer
    oiga perron perrona explicarme manija meaning
    bruv monton tiran tirame cortito cortita server servidor
    discord canal channel driving anterior previous regarding exacto evening notable
    mess berraca berraco forever hanging realistic
    threw throw thrown bugging welcome care presentation presentacion exposicion tarea
    homework assignment essay ensayo roughly odd owt internet manana confundo equivoco banda
    """.split()
) | JUDGEMENT_WORDS | PERSON_NOUNS | HEARSAY_VERBS
"""Words of everyday English and Spanish conversation: the most common words of each language
beyond the function words, minus those that name a subject of their own (`old`, `long`, `paid`,
`filmed`, `budget`, `music`), and the people of a fan's day (`KIN_WORDS`), who may be what is
asked. A few words of `PLATFORMS` are here too (`server`, `internet`): fans name them in
passing (`soy nueva en el server`). Fans wrap a question in them ("my mom asked me who plays chema,
she swears she knows his face"); they say nothing about which fact is asked, so they never
count as the unknown words that make a question unanswerable, nor are they corrected into a
word of the knowledge. Beside a word no one knows they may still be part of a title
(`breaking bad`, see `Engine._asks_the_unknown`), and judgements said of a name alone still
ask something (`JUDGEMENT_WORDS`). Kept as data, in this one place; the function words above
are not repeated here."""

KIN_WORDS = frozenset(
    """
    mom mum mother dad father parents sister brother sis family friend friends girlfriend
    boyfriend wife husband kid kids daughter grandma grandpa aunt uncle cousin roommate
    mama papa madre padre hermana hermano hermanos novia novio esposa esposo amigo amiga amigos
    amigas familia hijo hija abuela abuelo tia tio primo prima teacher boss coworker classmate
    roommates profe maestra maestro jefe jefa companero companera coworkers colleague colleagues
    partner pareja flatmate roomie housemate pololo professor profesor profesora prof buddy
    cousins
    """.split()
)
"""Family, friends and the people of a fan's day. After the fan's own possessive (`my mom
asked`, `con mi novia`) they are who asks, filler; before a name (`the kid paquito`) they
describe it. Anywhere else they may be what is asked (`who plays the mom`, `who plays chema's
dad`, `does she have kids`)."""

PLATFORMS = frozenset(
    """
    article articles articulo post tiktok tiktoks twitter reddit instagram insta ig youtube yt
    facebook fb whatsapp discord
    chat online internet site sites website websites web redes foro forum forums grupo group
    server servidor
    """.split()
)
"""Places where fans read and hear things. Where a message says a fan heard something there
(`saw it on tiktok`, `someone in general chat said`), the place is no subject; elsewhere it may
be (`does jero medina have instagram`, `which websites do you use`)."""

REACTIONS = frozenset({
    "tho", "though", "omg", "wtf", "shook", "shock", "crying", "cried", "dead", "im dead",
    "no manches", "no mames", "me dejo", "me mato", "llore", "llorando", "brutal", "insane",
    "wow", "damn", "ugh", "lol", "lmao", "jaja", "jajaja", "uff", "que fuerte", "q fuerte",
    "chale", "ay", "sobbing", "sobbed", "ngl", "chillando", "chille", "llorar", "bawling",
    "la mejor", "el mejor", "es lo maximo", "the best", "hit different", "hits different",
    "destroyed me", "destroyed", "bien fuerte", "muy fuerte", "esta fuerte", "iconic", "legend",
    "goat", "me encanto", "love her", "love him", "i love", "amo a", "obsessed", "lloro",
    "lloraron", "mi personaje favorito", "my favorite character", "my fav", "favorito",
    "favorita", "favorite", "favourite", "need a minute", "gonna need", "necesito un momento",
    "que buen", "que buena", "que gran", "what a", "fav", "perron", "perrona", "bien perron",
    "best written", "fight me", "wish me luck", "deseenme suerte", "buenisimo", "buenisima",
    "so good", "amazing", "so beautiful", "was so", "tan bonito", "tan hermoso", "in my life",
    "wrecked me", "not ok", "im not ok",
    "en mi vida", "durisimo", "durisima", "increible", "gutted", "hit so hard", "hits so hard",
    "hit hard", "hits hard",
})  # fmt: skip
"""Words of a reaction to what a fan watched: a message that names an episode with one of these
and nothing that asks (`that finale tho`, `el cap 5 me dejó en shock`) asks nothing."""
PRAISE = frozenset({
    "que buen", "que buena", "que gran", "what a", "la mejor", "el mejor", "the best", "my fav",
    "fav", "perron", "perrona", "bien perron",
    "me encanto", "favorito", "favorita", "favorite", "favourite", "love her", "love him",
})  # fmt: skip
"""Praise of someone in the show: a reaction that may name them by their part."""

FAN_POLLS = frozenset({
    "alguien mas", "anyone else", "who else", "nadie mas", "am i the only one", "soy la unica",
    "anybody else",
    "soy el unico", "is it just me", "solo yo",
})  # fmt: skip
"""Questions put to the other fans (`alguien más chillando con el cap 5?`): they ask nothing of
the bot, whatever question mark they carry."""

POLL_REPLIES = frozenset({
    "drop a", "reply if", "reply with", "react with", "raise your hand", "hands up",
    "levanten la mano", "comenten si", "respondan si",
})  # fmt: skip
"""How a poll asks the other fans to answer (`anyone else rewatching it? drop a 🙋 if so`): the
words of the reply, not a fact asked (`drop` is a word of the release date)."""

OWN = frozenset({"my", "mi", "mis", "our", "nuestro", "nuestra", "nuestros", "nuestras"})
"""The fan's own possessives: `my` in `my sister says`, not `your` in `y tu mamá también`."""

CHAT_SPELLINGS = {
    # English
    "wat": "what", "wot": "what", "wut": "what", "wht": "what", "wats": "whats", "wuts": "whats",
    "abt": "about", "bout": "about", "r": "are", "n": "and", "nd": "and", "wen": "when",
    "hw": "how", "hu": "who", "bc": "because", "cuz": "because", "coz": "because",
    "tho": "though", "thru": "through", "kno": "know", "knw": "know", "dunno": "dont know",
    "smth": "something", "sth": "something", "sum1": "someone", "ne1": "anyone",
    "ppl": "people", "bday": "birthday", "tmrw": "tomorrow", "pic": "picture", "halp": "help",
    # Spanish
    "q": "que", "k": "que", "qn": "quien", "kn": "quien", "d": "de", "tmb": "tambien",
    "tb": "tambien", "tmbn": "tambien", "pa": "para", "dnd": "donde", "cdo": "cuando",
    "qdo": "cuando", "ps": "pues", "bn": "bien", "nmms": "no mames", "xk": "porque",
    "ur": "your", "x": "por",
}  # fmt: skip
"""Chat spellings and their words: `wat is somos abt` asks what `what is somos about` asks.
Read before anything else, so cues and names are found in the words they stand for."""

CHIT_CHAT = frozenset({
    "good bot", "bad bot", "nice bot", "great bot", "cool bot", "thanks", "thank you", "thx", "ty",
    "gracias", "lol", "lmao", "haha", "hahaha", "jaja", "jajaja", "jajajaja", "jeje", "xd", "nice",
    "cool", "wow", "hola", "hello", "hi", "hey", "buenas", "buen bot", "que buena serie",
    "great show", "good show", "love this show", "me encanta", "good job", "great job",
    "nice job", "buen trabajo", "well done", "bien hecho", "who made you", "who created you",
    "quien te hizo", "quien te creo", "are you a bot", "are you a robot", "are you human",
    "eres un bot", "eres humano", "me sirvio", "muchas gracias", "eres lo max",
    "eres lo maximo", "sos lo maximo", "sos un crack", "eres un crack", "you're the best",
    "ur the best", "youre the best", "buenas noches", "buenos dias", "buenas tardes",
    "que rollo", "que onda", "que tal", "como estan", "como estas", "que haces",
    "good night", "goodnight", "me voy a dormir", "nos vemos", "bye", "adios", "chao",
    "see ya", "see you",
})  # fmt: skip
"""Remarks, not questions: a message made of one of these and nothing but filler, function
words and the show's name ("good bot", "jajaja que buena serie") is declined, however much its
words share with a claim (`good` is a word of "is it good")."""

DATE_CUES = frozenset({
    "when did", "when was", "when were", "when is", "when does", "when will", "what year",
    "which year", "what date", "que ano", "en que ano", "cuando fue", "cuando se", "cuando salio",
    "cuando gano", "cuando es", "que fecha", "en que fecha",
})  # fmt: skip
"""Phrases that ask for a date or a year. Asked of a person or a character whose claims give
none (`what year did ginger thompson win her pulitzer`), nothing answers them."""

FILMING_CUES = frozenset({
    "filmed", "filmaron", "filmada", "filmado", "rodaron", "rodada", "rodado", "grabaron",
    "se grabo", "grabada", "grabado",
    "filming", "where was it shot", "shoot", "shooting",
})  # fmt: skip
"""Where and when the show was filmed: no claim says. Of a second season (`season two is
already filmed`) they ask whether there is one, which the season-2 answer gives."""

ALIVE_CUES = frozenset({
    "still alive", "is alive", "sigue viva", "sigue vivo", "sigue con vida", "esta viva",
    "esta vivo",
})  # fmt: skip
"""Whether a person lives: no claim says. Said of a person or character named (`is the real life
doña chayo still alive`), it is a fact asked; of the show (`is it still alive`), whether it goes
on, which the season-2 answer says."""

FATE_CUES = frozenset({
    "what happens to", "que le pasa", "que les pasa", "after all that", "after all of that",
})  # fmt: skip
"""What becomes of the characters: no claim says. Of a second season (`tell me theres a season 2
coming, i need to know what happens to these people`) they wish for one, which the season-2
answer speaks to."""

ENDING_CUES = frozenset({"at the end", "in the end", "how does it end", "al final", "como termina"})
"""How the show ends: no claim says. Of a second season the ending is why the fan asks (`my mum
and i were in bits at the end. is there a second series coming?`)."""

RELATIVE_YEARS = frozenset({
    "this year", "last year", "next year", "este ano", "el ano pasado", "ano pasado",
    "el proximo ano", "proximo ano", "este mes", "this month",
})  # fmt: skip
"""A year named by its distance from now (`quién ganó el pulitzer este año`): no fact of a person
is dated that way."""

BASIS_PHRASES = frozenset({
    "based on", "basada en", "basado en", "inspired by", "inspirada en", "inspirado en",
    "adapted from", "adaptada de", "se basa en", "sale de",
})  # fmt: skip
"""What the show is made from. A kind of fact asked right after one (`basada en algún libro`)
asks what the show is based on, which its claims say."""

OTHER_FACT_CUES = frozenset({
    "real person", "persona real", "real woman", "real man", "real guy", "mujer real",
    "hombre real", "existed", "existio", "run time", "award", "awards", "won an", "won any",
    "premio", "premios", "score by", "muere", "what happened to", "que le paso", "other roles",
    "other series", "la novela de", "her novel", "su novela", "novel called", "name of her novel",
    "que edad", "edad tiene", "cuantos anos tiene", "what publication", "which publication",
    "episodios en espanol", "capitulos en espanol", "episodes in spanish", "titulos en espanol",
    "murio", "cuanta gente murio",
    "spanish titles", "titles in spanish",
    "been in", "otras series",
    "otros papeles", "did you like", "do you like", "what did you think", "your opinion",
    "your favorite", "your favourite", "te gusto", "te gusta", "que opinas", "tu opinion",
    "tu favorito", "tu favorita", "shows like", "a show like", "a series like",
    "something like", "similar to", "similar shows", "series parecidas", "otra serie como",
    "series como", "algo como", "algo tipo", "algo parecido", "algo similar", "anything like",
    "something similar", "anything similar", "afterwards", "aftermath", "after the massacre",
    "nowadays", "despues de la masacre", "hoy en dia", "despues de todo eso",
    "despues de lo de", "despues de lo que paso", "que paso con los zetas", "after 2011",
    "since 2011", "despues de 2011", "desde 2011", "website published", "site published",
    "outlet published", "which outlet", "what outlet", "en que medio", "capital of",
    "la capital de", "population", "poblacion", "cuanta gente vive", "how many people live",
    "cuanta gente vio", "cuanta gente la vio", "how many people watched", "how many views",
    "cuantas vistas", "how many viewers", "last name", "surname", "su apellido",
    "el apellido de", "episode does the massacre", "episode is the massacre", "any novels",
    "hizo el casting", "did the casting", "casting director", "director de casting",
    "directora de casting", "any books", "written any", "escrito alguna", "algun libro",
    "alguna novela", "sus novelas", "other investigations", "otras investigaciones",
    "other reports", "otros reportajes", "write any other", "wrote any other", "escribio otros",
    "escribio otras", "sus libros", "her novels", "her books", "en que capitulo pasa",
    "en que episodio pasa", "en que capitulo ocurre", "en que episodio ocurre",
    "en que capitulo sucede", "que fue de",
    "what became of", "las familias", "the families", "sobrevivientes", "survivors", "cuesta",
    "cuestan", "how much is", "how much does", "price", "precio", "cost", "costs",
    "subscription", "suscripcion", "otra serie", "another show", "serie parecida",
    "series similares", "serie similar", "recomiendame", "recommend me", "recomiendas otra",
    "what happened after", "what happened next", "que paso despues", "que paso luego",
    "punished", "punishment", "castigados", "castigo", "castigaron", "trial", "juicio",
    "justice", "justicia", "sentenced", "condenados", "condenaron", "arrested", "arrestados",
    "arrestaron", "detenidos", "jail", "prison", "carcel", "prision", "watch next",
    "ver despues", "what happens in", "what happened in", "que pasa en", "que paso en",
    "que sucede en", "what else", "que otra cosa", "other movies", "other films", "other shows",
    "other show", "other projects", "otras peliculas", "otras pelis", "otros proyectos",
    "otros shows", "other books", "other novels", "otros libros", "otras novelas", "how long",
    "gringa", "gringo", "nationality", "nacionalidad", "ha hecho", "que mas ha hecho",
    "done before", "previous work", "died", "death toll", "how many dead", "murieron",
    "muertos", "fallecidos", "agarraron", "los agarraron", "capturaron", "atraparon", "caught",
    "captured", "clasificacion", "age rating", "rated r", "apta", "para ninos", "for kids",
    "kid friendly", "family friendly", "cdmx", "chilango", "chilanga", "year old", "years old",
    "yo watch", "can my", "appropriate", "apropiada", "para mi hijo", "para mi hija",
    "es de coahuila", "es de allende", "is he from", "is she from", "from coahuila",
    "what school", "which school", "went to school", "acting school", "que escuela",
    "en que escuela", "escuela de actuacion", "studied", "donde estudio", "estudio actuacion",
    "hijo de", "hija de", "son of", "daughter of", "his parents", "her parents", "sus papas",
    "sus padres", "opina", "opina tu", "who is better", "who acts better", "who is the best",
    "quien actua mejor", "quien es mejor", "quien es el mejor", "quien es la mejor",
    "periodico", "newspaper", "trabaja", "works for", "donde trabaja", "where does she work",
    "where does he work", "still around", "still exist", "still active", "around today",
    "siguen existiendo", "todavia existen", "siguen activos", "todavia operan", "de donde es",
    "de donde era", "where is she from", "where is he from", "where was she born",
    "where was he born", "donde nacio", "where is from", "nacio", "born", "where s from",
    "where was born", "where does come from",
}) | FILMING_CUES | FATE_CUES | ENDING_CUES  # fmt: skip
"""Phrases that ask for a kind of fact no claim holds unless a claim's keywords say so, made of
words the knowledge itself uses: whether someone is a real person, an award, what happens at the
end, an actor's other roles; or made of everyday words: the bot's own opinion (`do you like`,
`qué opinas`) and other shows to watch (`a show like`, `similar to`). A question using one that
no keyword covers is declined, even when it names an episode or a character (`is benjamin a real
person`): answering with the entity's card would pretend to answer it. Kinds of fact whose words
the knowledge has nowhere (`budget`, `soundtrack`, `how tall`) need no entry: the engine
declines a question whose unknown words outweigh what it knows (see `Engine._outweighed`). A
moderator who adds such a fact with its keyword (`runtime`) makes the question answerable
without touching code."""

_INFLECTIONS = tuple(sorted(
    """ieron aron aran eran iran ando iendo ados adas idos idas ado ada ido ida aba ara era ira
    ing ed es os as io s o a e""".split(),
    key=len, reverse=True,
))  # fmt: skip
"""Endings of inflected English and Spanish words (`escribieron`, `inspiró`, `killed`)."""

MIN_STEM = 4
"""A stem shorter than this says too little about the word (`casada` is not `casting`)."""


def stem(word: str) -> str:
    """The word without its inflectional ending: `escribieron` and `escribió` share `escrib`."""
    for ending in _INFLECTIONS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            return word[: -len(ending)]
    return word

_SPANISH = frozenset(
    """quien quienes que cual cuales cuando donde como hay habra hace interpreta temporada
    temporadas episodio episodios capitulo capitulos serie el la los las es son de del una uno
    dime sobre trata basada reparto elenco estreno segunda nueva otra mas fue sera creo dirigio
    actriz personaje papel
    al con por para esta estas estan tiene tienen cuanto cuantos cuantas hola gracias ayuda
    fuentes comandos creadores creador dime dame hizo hicieron tendra saldra sale salio ver
    verla vale pena nota plataforma ocurre historia real noticias
    volvera regresara vuelve regresa renovaron renovara cancelaron estrenara tendra sera seran
    habra haber va vamos tus mis escribieron dirigieron hicieron crearon actuan salen sale
    cuanto capitulos titulo nombre llama pelicula peliculas guion fotografia
    en te amo quiero buenas buenos noches todos gano algun alguna premio cap jaja jajaja
    jajajaja ya q o y pero porque pues verdad alguien sabe saben sabes porfa porfis oye wey
    neta mismo misma tambien ahora algo nada todo toda eso esto aqui muy bien mejor quiero
    puedo puedes tengo tienes estoy voy vas dormir bueno gracias graciaaas eres un cuentame
    chiste escribio otras otros dirigido ha cancelo cancelaron renovo se acabo termino
    termina""".split()
)
_ENGLISH = frozenset(
    """who what which when where how is are was the there season seasons episode episodes plays
    played cast created directed based about will any more next second series show tell me it
    of does did do can you your whats whos gonna wanna pls name title called list has
    have many much with from for and new getting get got renewed cancelled anyone know this that
    if or""".split()
)
_SPANISH_ENDINGS = ("aron", "ieron", "cion", "ciones")
"""Endings that only Spanish words have among the words fans type here (`renovaron`)."""


def detect_language(text: str) -> Language:
    """Spanish when the question reads as Spanish (`¿`, `ñ` or more Spanish words), else English."""
    if "¿" in text or "¡" in text:
        return Language.ES
    words = fold(text).split()
    spanish = sum(w in _SPANISH or w.endswith(_SPANISH_ENDINGS) for w in words)
    spanish += "ñ" in text.casefold()
    english = sum(w in _ENGLISH for w in words)
    return Language.ES if spanish > english else Language.EN


def phrase_hits(folded: str, phrases: Iterable[str]) -> list[str]:
    """The phrases that occur in `folded` as whole words, longest first."""
    padded = f" {folded} "
    return sorted((p for p in phrases if f" {p} " in padded), key=len, reverse=True)


_CUE_TOPICS: dict[str, list[Topic]] = {}
for _topic, _cues in CUES.items():
    for _cue in _cues:
        _CUE_TOPICS.setdefault(_cue, []).append(_topic)
_CUE_WORDS = max(cue.count(" ") + 1 for cue in _CUE_TOPICS)
"""Every cue with the topics it points to, and the most words a cue has: `topic_cues` looks up
each run of the question's words once, instead of testing each of the hundreds of cues."""


def topic_cues(folded: str) -> dict[Topic, list[str]]:
    """For each topic (in `CUES` order), the cue phrases found in the question, longest first."""
    words = folded.split()
    found: dict[Topic, dict[str, None]] = {}
    for start in range(len(words)):
        for end in range(start + 1, min(start + _CUE_WORDS, len(words)) + 1):
            run = " ".join(words[start:end])
            for topic in _CUE_TOPICS.get(run, ()):
                found.setdefault(topic, {})[run] = None
    return {
        topic: sorted(found[topic], key=len, reverse=True) for topic in CUES if topic in found
    }


def strip_phrases(folded: str, phrases: Iterable[str]) -> str:
    """Remove whole-word occurrences of `phrases` (longest first) and function words."""
    padded = f" {folded} "
    for phrase in sorted(phrases, key=len, reverse=True):
        padded = padded.replace(f" {phrase} ", " ")
    return " ".join(w for w in padded.split() if w not in FUNCTION_WORDS)
