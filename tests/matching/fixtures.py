"""Invented multilingual releases for the duplicate-detection tests.

MEETING_*: one meeting told in four languages (names spelled per script, dates written
`12 mars`, `martın 12-də`, `12 марта`, `12 March`). EARLIER: the same two people at a
different meeting five years before (EARLIER_FR, and EARLIER_EN its English version).
CONVOY_*: two convoys to one village on different days
with different counts. SHORT_FR: the French meeting cut after its second paragraph.
"""

MEETING_FR = (
    "Leyla Mammadova reçoit le directeur de l’Agence nordique de l’eau",
    "Bakou, 12 mars, AZERTAC\n\n"
    "La ministre de l’Écologie Leyla Mammadova a reçu le 12 mars Jonas Berglund, directeur "
    "général de l’Agence nordique de l’eau (ANE), en visite en Azerbaïdjan.\n\n"
    "Jonas Berglund a présenté le programme Kür-Araz, qui prévoit 17 stations de mesure "
    "le long du fleuve et un budget de 4,8 millions d’euros pour 2024-2026. Leyla Mammadova "
    "a souligné que la coopération avec l’agence avait permis de former 36 ingénieurs "
    "hydrologues depuis sa création.\n\n"
    "Les deux parties ont évoqué la construction d’un laboratoire régional à Mingachevir et "
    "l’échange de données sur la qualité de l’eau avec les pays voisins. Jonas Berglund a "
    "remercié la partie azerbaïdjanaise pour son accueil et a invité la ministre à Stockholm.\n\n"
    "À l’issue de l’entretien, un mémorandum sur la surveillance des eaux transfrontalières "
    "a été signé.")

MEETING_AZ = (
    "Leyla Məmmədova Şimal Su Agentliyinin baş direktorunu qəbul edib",
    "Ekologiya naziri Leyla Məmmədova martın 12-də Şimal Su Agentliyinin baş direktoru "
    "Yonas Berqlundu qəbul edib.\n\n"
    "Yonas Berqlund Kür-Araz proqramını təqdim edib. Proqram çay boyunca 17 ölçmə "
    "stansiyasının qurulmasını və 2024-2026-cı illər üçün 4,8 milyon avro büdcəni nəzərdə "
    "tutur. Leyla Məmmədova agentliklə əməkdaşlıq sayəsində 36 hidroloq mühəndisin "
    "hazırlandığını vurğulayıb.\n\n"
    "Görüşdə Mingəçevirdə regional laboratoriyanın tikintisi və qonşu ölkələrlə suyun "
    "keyfiyyəti barədə məlumat mübadiləsi müzakirə olunub. Yonas Berqlund qonaqpərvərliyə "
    "görə təşəkkür edib və nazirini Stokholma dəvət edib.\n\n"
    "Görüşün sonunda transsərhəd suların monitorinqi haqqında memorandum imzalanıb.")

MEETING_RU = (
    "Лейла Мамедова приняла директора Северного агентства по водным ресурсам",
    "Министр экологии Лейла Мамедова 12 марта приняла генерального директора Северного "
    "агентства по водным ресурсам Йонаса Берглунда, находящегося с визитом в Азербайджане.\n\n"
    "Йонас Берглунд представил программу Кура-Аракс, которая предусматривает 17 "
    "измерительных станций вдоль реки и бюджет в 4,8 миллиона евро на 2024-2026 годы. "
    "Лейла Мамедова отметила, что благодаря сотрудничеству с агентством подготовлены "
    "36 инженеров-гидрологов.\n\n"
    "Стороны обсудили строительство регионального лаборатории в Мингячевире и обмен данными "
    "о качестве воды с соседними странами. Берглунд поблагодарил азербайджанскую сторону за "
    "гостеприимство и пригласил министра в Стокгольм.\n\n"
    "По итогам встречи подписан меморандум о мониторинге трансграничных вод.")

MEETING_EN = (
    "Leyla Mammadova receives director of Nordic Water Agency",
    "Baku, 12 March. Minister of Ecology Leyla Mammadova received Jonas Berglund, "
    "director general of the Nordic Water Agency (NWA), who is visiting Azerbaijan.\n\n"
    "Jonas Berglund presented the Kura-Araz programme, which provides for 17 measuring "
    "stations along the river and a budget of 4.8 million euros for 2024-2026. Leyla "
    "Mammadova said that cooperation with the agency had trained 36 hydrology engineers.\n\n"
    "The sides discussed building a regional laboratory in Mingachevir and sharing water "
    "quality data with neighbouring countries. Mr Berglund thanked his hosts and invited the "
    "minister to Stockholm.\n\n"
    "A memorandum on monitoring transboundary waters was signed after the talks.")

EARLIER_FR = (
    "La ministre Leyla Mammadova s’entretient avec Jonas Berglund",
    "Bakou, 3 octobre, AZERTAC\n\n"
    "La ministre de l’Écologie Leyla Mammadova s’est entretenue le 3 octobre avec Jonas "
    "Berglund, directeur de l’Agence nordique de l’eau, à l’occasion d’une conférence sur le "
    "climat.\n\n"
    "Les interlocuteurs ont passé en revue les premiers résultats de la coopération lancée "
    "en 2019, notamment la formation de 8 spécialistes et l’installation de 3 capteurs "
    "expérimentaux sur le lac de Goygol. Jonas Berglund a proposé d’étendre le projet aux "
    "réservoirs du nord du pays.\n\n"
    "Leyla Mammadova a rappelé que la protection des ressources en eau figurait parmi les "
    "priorités du gouvernement et a remercié l’agence pour son soutien technique.")

EARLIER_EN = (
    "Minister Leyla Mammadova meets Jonas Berglund",
    "Baku, 3 October. Minister of Ecology Leyla Mammadova met Jonas Berglund, director of "
    "the Nordic Water Agency, on the sidelines of a climate conference.\n\n"
    "They reviewed the first results of the cooperation launched in 2019, including the "
    "training of 8 specialists and 3 experimental sensors installed on Lake Goygol. Jonas "
    "Berglund proposed extending the project to the reservoirs in the north of the "
    "country.\n\n"
    "Leyla Mammadova recalled that protecting water resources was among the government's "
    "priorities and thanked the agency for its technical support.")

SHORT_FR = (MEETING_FR[0], MEETING_FR[1].split("\n\nLes deux parties")[0])

CONVOY_A = (
    "Un nouveau convoi de familles rentre à Füzuli",
    "Bakou, 4 juin, AZERTAC\n\n"
    "Un nouveau convoi de 23 familles, soit 96 personnes, est arrivé le 4 juin dans le "
    "village de Dövlətyarlı du district de Füzuli. Les familles ont reçu les clés de leurs "
    "maisons lors d’une cérémonie en présence de représentants du Service d’État pour les "
    "réfugiés.\n\n"
    "Les nouveaux habitants ont remercié le gouvernement pour les conditions créées. Le "
    "village dispose d’une école de 360 places, d’un dispensaire et d’un réseau d’eau potable.")

CONVOY_B = (
    "Un nouveau convoi de familles rentre à Füzuli",
    "Bakou, 18 juin, AZERTAC\n\n"
    "Un nouveau convoi de 31 familles, soit 127 personnes, est arrivé le 18 juin dans le "
    "village de Dövlətyarlı du district de Füzuli. Les familles ont reçu les clés de leurs "
    "maisons lors d’une cérémonie en présence de représentants du Service d’État pour les "
    "réfugiés.\n\n"
    "Les nouveaux habitants ont remercié le gouvernement pour les conditions créées. Le "
    "village dispose d’une école de 360 places, d’un dispensaire et d’un réseau d’eau potable.")

# Unrelated releases, so rarity weighting has a corpus to go by.
OTHER = [
    ("fr", "Ouverture d’une exposition de tapis à Gandja",
     "Une exposition consacrée aux tapis de la région de Gazakh s’est ouverte au musée de "
     "Gandja. Elle présente 64 pièces tissées entre 1850 et 1930."),
    ("en", "Railway line to Kars resumes night service",
     "The night train between Baku and Kars resumed service on Friday after repairs to "
     "the Akhalkalaki section. Tickets are sold at 14 stations."),
    ("ru", "В Шеки прошёл фестиваль шелка",
     "В Шеки завершился международный фестиваль шелка, в котором приняли участие мастера "
     "из 11 стран. Гости посетили караван-сарай и ханский дворец."),
    ("az", "Lənkəranda çay yığımı başlayıb",
     "Lənkəran və Astara rayonlarında yaşıl çay yığımı başlayıb. Bu il 40 təsərrüfatda "
     "məhsuldarlığın artacağı gözlənilir."),
    ("en", "University opens marine research centre",
     "Baku State University opened a marine research centre on the Caspian coast with "
     "funding from 5 partner institutions."),
    ("fr", "Concert de mugham à Choucha",
     "Le festival Kharibulbul a accueilli un concert de mugham réunissant 12 chanteurs "
     "venus de plusieurs régions."),
]
