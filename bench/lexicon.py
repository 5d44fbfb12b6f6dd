"""Word lists and parallel sentence templates for the synthetic corpus (written for this project).

Every template exists in the five languages with the same slots, so one event rendered in two
languages gives a cross-language version with parallel content, as real agencies publish them.
Slots: {p} person, {q} second person, {o} organisation, {c} city, {t} topic, {u} second topic,
{n} a number, {y} a year, {d} the event date written in the language.
"""

from __future__ import annotations

LANGS = ("fr", "az", "ru", "en", "tr")

# Fictional people, romanised; Russian forms are transliterated, Azerbaijani ones re-spelt.
PEOPLE = [
    "Rauf Mammadli", "Elena Marchetti", "Tural Hasanzade", "Claire Dubreuil", "Nigar Valiyeva",
    "Anton Kovalenko", "Samir Gulaliyev", "Ines Carvalho", "Orhan Yildizoglu", "Lale Rzayeva",
    "Pierre Montclair", "Zaur Ismayilzade", "Maria Lindqvist", "Farid Alakbarov", "Olga Berezina",
    "Kamran Shirinov", "Sophie Vallette", "Emin Babayli", "Jonas Brandtner", "Aysel Karimova",
    "Murad Huseynli", "Helene Fabre", "Vusal Tahirov", "Irina Sokolova", "Daniel Okafor",
    "Gunel Safarova", "Marc Aubertin", "Rashad Novruzlu", "Ayse Demirkol", "Timur Akhundov",
    "Leyla Ahmadova", "Victor Lemaire", "Elchin Gasimli", "Natalia Orlova", "Kerem Aksoy",
    "Sabina Mirzayeva", "Julien Roussel", "Ilgar Mustafazade", "Anna Weissberg", "Nurlan Abbasli",
]

# Azerbaijani spellings of the same people (ə, ı, ş as the press writes them).
AZ_SPELLING = {
    "Mammadli": "Məmmədli", "Hasanzade": "Həsənzadə", "Valiyeva": "Vəliyeva",
    "Gulaliyev": "Gülalıyev", "Rzayeva": "Rzayeva", "Ismayilzade": "İsmayılzadə",
    "Alakbarov": "Ələkbərov", "Shirinov": "Şirinov", "Babayli": "Babaylı",
    "Karimova": "Kərimova", "Huseynli": "Hüseynli", "Safarova": "Səfərova",
    "Novruzlu": "Novruzlu", "Akhundov": "Axundov", "Ahmadova": "Əhmədova",
    "Gasimli": "Qasımlı", "Mustafazade": "Mustafazadə", "Abbasli": "Abbaslı",
    "Samir": "Samir", "Leyla": "Leyla", "Ilgar": "İlqar", "Elchin": "Elçin", "Aysel": "Aysel",
    "Nigar": "Nigar", "Gunel": "Günel", "Rashad": "Rəşad", "Farid": "Fərid", "Kamran": "Kamran",
}

_CYR = [("shch", "щ"), ("sh", "ш"), ("ch", "ч"), ("kh", "х"), ("zh", "ж"), ("yu", "ю"),
        ("ya", "я"), ("ts", "ц"), ("a", "а"), ("b", "б"), ("c", "к"), ("d", "д"), ("e", "е"),
        ("f", "ф"), ("g", "г"), ("h", "х"), ("i", "и"), ("j", "ж"), ("k", "к"), ("l", "л"),
        ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"), ("q", "к"), ("r", "р"), ("s", "с"),
        ("t", "т"), ("u", "у"), ("v", "в"), ("w", "в"), ("x", "кс"), ("y", "й"), ("z", "з")]


def cyrillic(name: str) -> str:
    out, low, i = [], name.lower(), 0
    while i < len(low):
        for lat, cyr in _CYR:
            if low.startswith(lat, i):
                upper = name[i].isupper()
                out.append(cyr.capitalize() if upper else cyr)
                i += len(lat)
                break
        else:
            out.append(name[i])
            i += 1
    return "".join(out)


def person(name: str, lang: str) -> str:
    if lang == "ru":
        return cyrillic(name)
    if lang in ("az", "tr"):
        return " ".join(AZ_SPELLING.get(part, part) for part in name.split())
    return name


CITIES = [  # fr, az, ru, en, tr
    ("Bakou", "Bakı", "Баку", "Baku", "Bakü"),
    ("Gandja", "Gəncə", "Гянджа", "Ganja", "Gence"),
    ("Paris", "Paris", "Париж", "Paris", "Paris"),
    ("Genève", "Cenevrə", "Женева", "Geneva", "Cenevre"),
    ("Ankara", "Ankara", "Анкара", "Ankara", "Ankara"),
    ("Strasbourg", "Strasburq", "Страсбург", "Strasbourg", "Strazburg"),
    ("Chéki", "Şəki", "Шеки", "Sheki", "Şeki"),
    ("Tbilissi", "Tbilisi", "Тбилиси", "Tbilisi", "Tiflis"),
    ("Vienne", "Vyana", "Вена", "Vienna", "Viyana"),
    ("Lankaran", "Lənkəran", "Ленкорань", "Lankaran", "Lenkeran"),
    ("Istanbul", "İstanbul", "Стамбул", "Istanbul", "İstanbul"),
    ("Bruxelles", "Brüssel", "Брюссель", "Brussels", "Brüksel"),
]

ORGS = [
    ("le ministère de l’Agriculture", "Kənd Təsərrüfatı Nazirliyi", "Министерство сельского хозяйства",
     "the Ministry of Agriculture", "Tarım Bakanlığı"),
    ("le Service national des migrations", "Dövlət Miqrasiya Xidməti", "Государственная миграционная служба",
     "the State Migration Service", "Devlet Göç Servisi"),
    ("l’Agence pour l’énergie renouvelable", "Bərpa Olunan Enerji Agentliyi", "Агентство возобновляемой энергии",
     "the Renewable Energy Agency", "Yenilenebilir Enerji Ajansı"),
    ("le Fonds pour le développement régional", "Regional İnkişaf Fondu", "Фонд регионального развития",
     "the Regional Development Fund", "Bölgesel Kalkınma Fonu"),
    ("la Chambre de commerce", "Ticarət Palatası", "Торговая палата", "the Chamber of Commerce",
     "Ticaret Odası"),
    ("l’Université technique", "Texniki Universitet", "Технический университет", "the Technical University",
     "Teknik Üniversite"),
    ("le Comité des affaires des réfugiés", "Qaçqınların İşləri üzrə Komitə", "Комитет по делам беженцев",
     "the Committee for Refugee Affairs", "Mülteci İşleri Komitesi"),
    ("l’Office de la statistique", "Statistika Komitəsi", "Статистический комитет", "the Statistics Office",
     "İstatistik Ofisi"),
    ("le ministère de la Santé", "Səhiyyə Nazirliyi", "Министерство здравоохранения",
     "the Ministry of Health", "Sağlık Bakanlığı"),
    ("l’Organisation internationale du transport", "Beynəlxalq Nəqliyyat Təşkilatı",
     "Международная транспортная организация", "the International Transport Organisation",
     "Uluslararası Taşımacılık Örgütü"),
]

TOPICS = [
    ("la sécurité alimentaire", "ərzaq təhlükəsizliyi", "продовольственная безопасность", "food security",
     "gıda güvenliği"),
    ("l’énergie solaire", "günəş enerjisi", "солнечная энергетика", "solar energy", "güneş enerjisi"),
    ("la gestion de l’eau", "su ehtiyatlarının idarə edilməsi", "управление водными ресурсами",
     "water management", "su yönetimi"),
    ("la formation professionnelle", "peşə təhsili", "профессиональное образование",
     "vocational training", "mesleki eğitim"),
    ("les corridors de transport", "nəqliyyat dəhlizləri", "транспортные коридоры", "transport corridors",
     "ulaşım koridorları"),
    ("la santé publique", "ictimai səhiyyə", "общественное здравоохранение", "public health",
     "halk sağlığı"),
    ("la numérisation des services", "xidmətlərin rəqəmsallaşdırılması", "цифровизация услуг",
     "the digitalisation of services", "hizmetlerin dijitalleşmesi"),
    ("le retour des personnes déplacées", "məcburi köçkünlərin qayıdışı", "возвращение вынужденных переселенцев",
     "the return of displaced persons", "yerinden edilmiş kişilerin dönüşü"),
    ("le tourisme culturel", "mədəni turizm", "культурный туризм", "cultural tourism", "kültür turizmi"),
    ("la protection de l’environnement", "ətraf mühitin mühafizəsi", "охрана окружающей среды",
     "environmental protection", "çevre koruma"),
    ("les petites entreprises", "kiçik sahibkarlıq", "малое предпринимательство", "small businesses",
     "küçük işletmeler"),
    ("la recherche scientifique", "elmi tədqiqatlar", "научные исследования", "scientific research",
     "bilimsel araştırma"),
    ("la migration de travail", "əmək miqrasiyası", "трудовая миграция", "labour migration", "işgücü göçü"),
    ("les infrastructures rurales", "kənd infrastrukturu", "сельская инфраструктура", "rural infrastructure",
     "kırsal altyapı"),
]

MONTHS = {
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
           "octobre", "novembre", "décembre"],
    "az": ["yanvar", "fevral", "mart", "aprel", "may", "iyun", "iyul", "avqust", "sentyabr",
           "oktyabr", "noyabr", "dekabr"],
    "ru": ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
           "октября", "ноября", "декабря"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"],
    "tr": ["Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos", "Eylül",
           "Ekim", "Kasım", "Aralık"],
}

# Azerbaijani genitive forms used in "martın 1-də".
AZ_GENITIVE = ["yanvarın", "fevralın", "martın", "aprelin", "mayın", "iyunun", "iyulun",
               "avqustun", "sentyabrın", "oktyabrın", "noyabrın", "dekabrın"]

TITLES = {  # by event kind
    "fr": ["{p} a reçu une délégation de {o}", "Signature d’un accord sur {t} à {c}",
           "Forum international consacré à {t} à {c}", "{p} en visite à {c}",
           "Ouverture d’une exposition sur {t}", "Réunion de travail de {o} sur {t}"],
    "az": ["{p} {o} nümayəndə heyətini qəbul edib", "{c} şəhərində {t} üzrə saziş imzalanıb",
           "{c} şəhərində {t} mövzusunda beynəlxalq forum", "{p} {c} şəhərinə səfər edib",
           "{t} mövzusunda sərgi açılıb", "{o} {t} üzrə işçi görüşü keçirib"],
    "ru": ["{p} принял делегацию: {o}", "В городе {c} подписано соглашение: {t}",
           "Международный форум в городе {c}: {t}", "{p} посетил город {c}",
           "Открылась выставка: {t}", "{o} провела рабочее совещание: {t}"],
    "en": ["{p} received a delegation of {o}", "Agreement on {t} signed in {c}",
           "International forum on {t} held in {c}", "{p} visits {c}",
           "Exhibition on {t} opens", "{o} holds working meeting on {t}"],
    "tr": ["{p}, {o} heyetini kabul etti", "{c}'de {t} konusunda anlaşma imzalandı",
           "{c}'de {t} konulu uluslararası forum", "{p} {c}'yi ziyaret etti",
           "{t} konulu sergi açıldı", "{o} {t} konusunda çalışma toplantısı düzenledi"],
}

SENTENCES = {
    "fr": [
        "{p} s’est entretenu le {d} avec {q}, en visite à {c}.",
        "Les deux parties ont souligné l’importance de la coopération dans le domaine de {t}.",
        "Selon {o}, plus de {n} projets ont été réalisés depuis {y}.",
        "{q} a remercié {p} pour l’accueil chaleureux et l’organisation exemplaire de la rencontre.",
        "Il a été noté que {t} et {u} figurent parmi les priorités du programme national.",
        "Les participants ont examiné les perspectives de développement de {u} dans la région.",
        "« Nous sommes prêts à élargir notre partenariat », a déclaré {p}.",
        "Un mémorandum d’entente prévoyant {n} actions communes a été signé à l’issue de la réunion.",
        "Les représentants de {o} ont présenté un rapport détaillé sur les résultats obtenus en {y}.",
        "La prochaine session du groupe de travail se tiendra à {c} avant la fin de l’année.",
        "Les experts ont insisté sur la nécessité d’un financement stable pour {t}.",
        "Au cours de la rencontre, des questions liées à {u} ont également été abordées.",
        "{q} a rappelé que {n} spécialistes avaient suivi une formation depuis le début du projet.",
        "La délégation a visité plusieurs sites à {c} et rencontré des entrepreneurs locaux.",
        "Les deux parties sont convenues de poursuivre les consultations sur {t}.",
    ],
    "az": [
        "{p} {d} {c} şəhərində səfərdə olan {q} ilə görüşüb.",
        "Tərəflər {t} sahəsində əməkdaşlığın əhəmiyyətini vurğulayıblar.",
        "{o} bildirib ki, {y}-ci ildən bəri {n} layihə həyata keçirilib.",
        "{q} səmimi qəbula və görüşün nümunəvi təşkilinə görə {p} təşəkkür edib.",
        "Qeyd olunub ki, {t} və {u} dövlət proqramının prioritetləri sırasındadır.",
        "İştirakçılar regionda {u} sahəsinin inkişaf perspektivlərini müzakirə ediblər.",
        "\u201cBiz tərəfdaşlığımızı genişləndirməyə hazırıq\u201d, deyə {p} bildirib.",
        "Görüşün sonunda {n} birgə tədbiri nəzərdə tutan anlaşma memorandumu imzalanıb.",
        "{o} nümayəndələri {y}-ci ildə əldə olunan nəticələr barədə ətraflı hesabat təqdim ediblər.",
        "İşçi qrupun növbəti iclası ilin sonunadək {c} şəhərində keçiriləcək.",
        "Ekspertlər {t} üçün sabit maliyyələşmənin zəruriliyini vurğulayıblar.",
        "Görüşdə {u} ilə bağlı məsələlər də müzakirə olunub.",
        "{q} xatırladıb ki, layihənin əvvəlindən bəri {n} mütəxəssis təlim keçib.",
        "Nümayəndə heyəti {c} şəhərində bir sıra obyektlərlə tanış olub və yerli sahibkarlarla görüşüb.",
        "Tərəflər {t} üzrə məsləhətləşmələri davam etdirmək barədə razılığa gəliblər.",
    ],
    "ru": [
        "{d} {p} встретился с находящимся с визитом в городе {c} {q}.",
        "Стороны подчеркнули важность сотрудничества в сфере: {t}.",
        "По данным организации ({o}), с {y} года реализовано более {n} проектов.",
        "{q} поблагодарил {p} за теплый прием и образцовую организацию встречи.",
        "Было отмечено, что {t} и {u} входят в число приоритетов государственной программы.",
        "Участники обсудили перспективы развития направления «{u}» в регионе.",
        "«Мы готовы расширять наше партнерство», — заявил {p}.",
        "По итогам встречи подписан меморандум о взаимопонимании, предусматривающий {n} совместных мероприятий.",
        "Представители организации ({o}) представили подробный отчет о результатах {y} года.",
        "Следующее заседание рабочей группы пройдет в городе {c} до конца года.",
        "Эксперты указали на необходимость стабильного финансирования направления «{t}».",
        "В ходе встречи также были затронуты вопросы, связанные с темой «{u}».",
        "{q} напомнил, что с начала проекта обучение прошли {n} специалистов.",
        "Делегация посетила ряд объектов в городе {c} и встретилась с местными предпринимателями.",
        "Стороны договорились продолжить консультации по теме «{t}».",
    ],
    "en": [
        "On {d}, {p} met with {q}, who is on a visit to {c}.",
        "The two sides stressed the importance of cooperation in the field of {t}.",
        "According to {o}, more than {n} projects have been carried out since {y}.",
        "{q} thanked {p} for the warm welcome and the excellent organisation of the meeting.",
        "It was noted that {t} and {u} are among the priorities of the national programme.",
        "The participants discussed the prospects for developing {u} in the region.",
        "\u201cWe are ready to expand our partnership,\u201d {p} said.",
        "At the end of the meeting, a memorandum of understanding providing for {n} joint actions was signed.",
        "Representatives of {o} presented a detailed report on the results achieved in {y}.",
        "The next session of the working group will be held in {c} before the end of the year.",
        "The experts underlined the need for stable funding for {t}.",
        "Issues related to {u} were also discussed during the meeting.",
        "{q} recalled that {n} specialists had been trained since the start of the project.",
        "The delegation visited several sites in {c} and met local entrepreneurs.",
        "The parties agreed to continue consultations on {t}.",
    ],
    "tr": [
        "{p}, {d} tarihinde {c}'de ziyarette bulunan {q} ile görüştü.",
        "Taraflar {t} alanında işbirliğinin önemini vurguladı.",
        "{o} verilerine göre {y} yılından bu yana {n} proje hayata geçirildi.",
        "{q}, sıcak karşılama ve toplantının örnek düzenlenmesi için {p}'e teşekkür etti.",
        "{t} ve {u} konularının ulusal programın öncelikleri arasında olduğu belirtildi.",
        "Katılımcılar bölgede {u} alanının gelişme perspektiflerini ele aldı.",
        "\u201cOrtaklığımızı genişletmeye hazırız\u201d diyen {p} görüşlerini paylaştı.",
        "Toplantının sonunda {n} ortak faaliyeti öngören bir mutabakat zaptı imzalandı.",
        "{o} temsilcileri {y} yılında elde edilen sonuçlara ilişkin ayrıntılı bir rapor sundu.",
        "Çalışma grubunun bir sonraki oturumu yıl sonundan önce {c}'de yapılacak.",
        "Uzmanlar {t} için istikrarlı finansmanın gerekliliğine dikkat çekti.",
        "Görüşmede {u} ile ilgili konular da ele alındı.",
        "{q}, projenin başından bu yana {n} uzmanın eğitim aldığını hatırlattı.",
        "Heyet {c}'de çeşitli tesisleri ziyaret ederek yerel girişimcilerle bir araya geldi.",
        "Taraflar {t} konusundaki istişarelere devam etme konusunda mutabık kaldı.",
    ],
}

# Closing line with a figure of its own: two renderings of one event are never word for word
# the same text (an exact copy is planted on purpose, as a byte-identical file).
CLOSING = {
    "fr": "Selon le service de presse, {k} personnes ont suivi l’événement en ligne.",
    "az": "Mətbuat xidmətinin məlumatına görə, tədbiri onlayn olaraq {k} nəfər izləyib.",
    "ru": "По данным пресс-службы, за мероприятием онлайн следили {k} человек.",
    "en": "According to the press service, {k} people followed the event online.",
    "tr": "Basın servisine göre etkinliği çevrim içi olarak {k} kişi takip etti.",
}

FOOTERS = {
    "fr": ["© {y} Agence de presse. Tous droits réservés.", "Lire aussi : {t} au cœur des débats"],
    "az": ["© {y} Xəbər agentliyi. Bütün hüquqlar qorunur.", "Digər xəbərlər: {t} diqqət mərkəzində"],
    "ru": ["© {y} Информационное агентство. Все права защищены.", "Читайте также: {t} в центре внимания"],
    "en": ["© {y} News agency. All rights reserved.", "Related news: {t} in focus"],
    "tr": ["© {y} Haber ajansı. Tüm hakları saklıdır.", "İlgili haberler: {t} gündemde"],
}

AGENCIES = {"fr": "AZERTAC", "az": "AZƏRTAC", "ru": "АЗЕРТАДЖ", "en": "AZERTAC", "tr": "AZERTAC"}
SOURCES = ["azertac", "state-migration", "agri-news", "energy-portal", "regional-fund"]
SECTION_LABELS = {"fr": "Politique", "az": "Siyasət", "ru": "Политика", "en": "Politics",
                  "tr": "Politika"}
