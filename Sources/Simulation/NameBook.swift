import RaceModel

/// Given and family names in one naming tradition.
struct NameSet: Sendable {
    var male: [String]
    var female: [String]
    var family: [String]
    /// Family names of women where the language inflects them (Kowalska, Petrova).
    var familyFemale: [String]? = nil
    /// Family name written first (Korean, Chinese, Japanese, Vietnamese, Hungarian).
    var familyFirst = false
    /// Between family and given name when written family first ("" in Hangul and Hanzi).
    var separator = " "

    func fullName(male isMale: Bool, given g: Int, family f: Int) -> String {
        let givenList = isMale ? male : female
        let familyList = (!isMale ? familyFemale : nil) ?? family
        let given = givenList[g % givenList.count]
        let last = familyList[f % familyList.count]
        return familyFirst ? last + separator + given : given + " " + last
    }
}

struct CountryNames: Sendable {
    var code: String
    /// Relative weight among foreign amateurs.
    var weight: Double
    /// Naming traditions with their weights (e.g. Hangul and romanised).
    var sets: [(NameSet, Double)]
}

enum NameBook {
    static let english = NameSet(
        male: ["James", "Oliver", "Michael", "Daniel", "Thomas", "Liam", "Ethan", "Matthew", "Samuel", "Connor"],
        female: ["Emma", "Olivia", "Sophie", "Charlotte", "Grace", "Hannah", "Chloe", "Emily", "Siobhán", "Zoë"],
        family: [
            "Smith", "Johnson", "Brown", "Taylor", "Wilson", "O'Brien", "Walker", "Hughes", "McCarthy",
            "Robinson", "Clarke", "Evans",
        ])
    static let german = NameSet(
        male: ["Jürgen", "Lukas", "Jörg", "Maximilian", "Björn", "Felix", "Stefan", "Matthias"],
        female: ["Anna", "Jutta", "Käthe", "Lena", "Sabine", "Annegret", "Mia", "Ursula"],
        family: ["Müller", "Schröder", "Köhler", "Groß", "Weiß", "Jäger", "Schäfer", "Bauer", "Hoffmann", "Krüger"])
    static let french = NameSet(
        male: ["François", "Jérôme", "Benoît", "Théo", "Hugo", "Aurélien", "Nicolas", "Loïc"],
        female: ["Élodie", "Hélène", "Cécile", "Léa", "Chloé", "Manon", "Noémie", "Amélie"],
        family: ["Lefèvre", "Girard", "Dubois", "Mercier", "Rousseau", "Béranger", "Fontaine", "Chevalier"])
    static let spanish = NameSet(
        male: ["José", "Ramón", "Íñigo", "Andrés", "Sebastián", "Joaquín", "Martín", "Álvaro"],
        female: ["María", "Sofía", "Inés", "Lucía", "Begoña", "Ximena", "Valentina", "Mónica"],
        family: ["Martínez", "García", "Pérez", "Núñez", "Gómez", "Ibáñez", "Muñoz", "Rodríguez", "Hernández"])
    static let portuguese = NameSet(
        male: ["João", "Tiago", "Gonçalo", "Rafael", "Luís", "André"],
        female: ["Conceição", "Inês", "Beatriz", "Mariana", "Leonor", "Fernanda"],
        family: ["Gonçalves", "Simões", "Araújo", "Magalhães", "Conceição", "Ribeiro", "Costa"])
    static let italian = NameSet(
        male: ["Niccolò", "Lorenzo", "Giuseppe", "Matteo", "Alessandro", "Davide"],
        female: ["Giulia", "Chiara", "Francesca", "Martina", "Alessia", "Federica"],
        family: ["Rossi", "Bianchi", "Esposito", "Colombo", "Romano", "De Luca", "Ricci", "Mancini"])
    static let dutch = NameSet(
        male: ["Daan", "Sem", "Joris", "Bram", "Thijs", "Maarten"],
        female: ["Anouk", "Fenna", "Sanne", "Femke", "Lotte", "Iris"],
        family: ["de Vries", "van den Berg", "Jansen", "Bakker", "Visser", "van Dijk", "Smit"])
    static let swedish = NameSet(
        male: ["Åke", "Björn", "Erik", "Göran", "Oskar", "Anders"],
        female: ["Linnéa", "Maja", "Åsa", "Ebba", "Saga", "Ingrid"],
        family: ["Andersson", "Johansson", "Lindqvist", "Öberg", "Åström", "Sjögren", "Nyström"])
    static let norwegian = NameSet(
        male: ["Øyvind", "Håkon", "Sindre", "Jørgen", "Magnus", "Eirik"],
        female: ["Ingrid", "Solveig", "Kari", "Ragnhild", "Sigrid", "Tuva"],
        family: ["Hansen", "Sæther", "Bjørnstad", "Haugen", "Løvås", "Strøm", "Berg"])
    static let danish = NameSet(
        male: ["Søren", "Mads", "Rasmus", "Jesper", "Anders", "Frederik"],
        female: ["Mette", "Sørine", "Ida", "Freja", "Line", "Astrid"],
        family: ["Nielsen", "Jørgensen", "Kjær", "Sørensen", "Madsen", "Mølgaard"])
    static let finnish = NameSet(
        male: ["Jaakko", "Mikko", "Väinö", "Antti", "Juha", "Ville"],
        female: ["Päivi", "Aino", "Sanna", "Hanna", "Mirja", "Kaisa"],
        family: ["Mäkinen", "Virtanen", "Häkkinen", "Korhonen", "Nieminen", "Lähteenmäki"])
    static let icelandic = NameSet(
        male: ["Ævar", "Þórður", "Gunnar", "Sigurður", "Ólafur"],
        female: ["Guðrún", "Sólveig", "Þóra", "Hildur", "Björk"],
        family: ["Jónsson", "Sigurðsson", "Guðmundsson", "Þórsson"],
        familyFemale: ["Jónsdóttir", "Sigurðardóttir", "Guðmundsdóttir", "Þórsdóttir"])
    static let polish = NameSet(
        male: ["Łukasz", "Paweł", "Krzysztof", "Wojciech", "Michał", "Grzegorz"],
        female: ["Małgorzata", "Agnieszka", "Katarzyna", "Żaneta", "Joanna", "Ewa"],
        family: ["Kowalski", "Wójcik", "Nowakowski", "Zieliński", "Wiśniewski", "Dąbrowski"],
        familyFemale: ["Kowalska", "Wójcik", "Nowakowska", "Zielińska", "Wiśniewska", "Dąbrowska"])
    static let czech = NameSet(
        male: ["Jiří", "Tomáš", "Ondřej", "Lukáš", "Petr", "Vojtěch"],
        female: ["Lenka", "Tereza", "Kateřina", "Zuzana", "Markéta", "Jana"],
        family: ["Dvořák", "Novák", "Černý", "Procházka", "Kučera", "Svoboda"],
        familyFemale: ["Dvořáková", "Nováková", "Černá", "Procházková", "Kučerová", "Svobodová"])
    static let hungarian = NameSet(
        male: ["Ádám", "Bence", "Gergő", "Zoltán", "László", "Péter"],
        female: ["Réka", "Zsófia", "Eszter", "Anikó", "Katalin", "Dóra"],
        family: ["Nagy", "Kovács", "Szabó", "Tóth", "Horváth", "Varga"], familyFirst: true)
    static let russianLatin = NameSet(
        male: ["Ivan", "Dmitry", "Sergey", "Alexei", "Nikolai", "Pavel"],
        female: ["Olga", "Natalia", "Yelena", "Svetlana", "Anastasia", "Irina"],
        family: ["Petrov", "Ivanov", "Smirnov", "Volkov", "Kuznetsov", "Sokolov"],
        familyFemale: ["Petrova", "Ivanova", "Smirnova", "Volkova", "Kuznetsova", "Sokolova"])
    static let russianCyrillic = NameSet(
        male: ["Иван", "Дмитрий", "Сергей", "Алексей", "Николай", "Павел"],
        female: ["Ольга", "Наталья", "Елена", "Светлана", "Анастасия", "Ирина"],
        family: ["Петров", "Иванов", "Смирнов", "Волков", "Кузнецов", "Соколов"],
        familyFemale: ["Петрова", "Иванова", "Смирнова", "Волкова", "Кузнецова", "Соколова"])
    static let vietnamese = NameSet(
        male: ["Văn An", "Minh Đức", "Quốc Huy", "Thành Long", "Hữu Phước"],
        female: ["Thị Hương", "Thị Lan", "Ngọc Ánh", "Thu Trang", "Thị Hằng"],
        family: ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng"], familyFirst: true)
    static let mongolian = NameSet(
        male: ["Batbayar", "Ganbold", "Temuulen", "Erdenebat", "Bat-Erdene"],
        female: ["Oyunchimeg", "Enkhjargal", "Sarangerel", "Bolormaa", "Altantsetseg"],
        family: ["Dorj", "Bold", "Sükhbaatar", "Ganzorig", "Tserendorj"], familyFirst: true)
    static let chineseHanzi = NameSet(
        male: ["伟", "强", "磊", "洋", "勇", "杰", "志明", "建国"],
        female: ["芳", "娜", "静", "丽", "敏", "秀英", "婷婷", "晓燕"],
        family: ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"], familyFirst: true, separator: "")
    static let chinesePinyin = NameSet(
        male: ["Wei", "Qiang", "Lei", "Yang", "Jie", "Zhiming"],
        female: ["Fang", "Na", "Jing", "Li", "Min", "Xiuying"],
        family: ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang"], familyFirst: true)
    static let singaporean = NameSet(
        male: ["Wei Ming", "Jun Jie", "Kok Leong", "Rajesh", "Hafiz"],
        female: ["Hui Min", "Mei Ling", "Siew Lan", "Priya", "Nur Aisyah"],
        family: ["Tan", "Lim", "Lee", "Ng", "Wong", "Goh"], familyFirst: true)
    static let japaneseKanji = NameSet(
        male: ["健", "翔太", "大輔", "拓也", "誠", "浩"],
        female: ["由美", "さくら", "美咲", "陽子", "愛", "千尋"],
        family: ["佐藤", "鈴木", "高橋", "田中", "渡辺", "伊藤", "山本"], familyFirst: true)
    static let japaneseRomaji = NameSet(
        male: ["Ken", "Shota", "Daisuke", "Takuya", "Makoto", "Hiroshi"],
        female: ["Yumi", "Sakura", "Misaki", "Yoko", "Ai", "Chihiro"],
        family: ["Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito", "Yamamoto"])
    static let koreanHangul = NameSet(
        male: ["광철", "철호", "성철", "금성", "영남", "명철", "혁", "일남", "진혁", "은철"],
        female: ["금옥", "련희", "은정", "옥순", "혜경", "성미", "정심", "은향", "경희", "영심"],
        family: ["김", "리", "박", "최", "정", "강", "조", "윤", "장", "한", "오", "류", "림", "황"],
        familyFirst: true, separator: "")
    static let koreanRomanised = NameSet(
        male: [
            "Kwang Chol", "Chol Ho", "Song Chol", "Kum Song", "Yong Nam", "Myong Chol", "Hyok", "Il Nam",
            "Jin Hyok", "Un Chol", "Pong Chol", "Tae Song",
        ],
        female: [
            "Kum Ok", "Ryon Hui", "Un Jong", "Ok Sun", "Hye Gyong", "Song Mi", "Jong Sim", "Un Hyang",
            "Kyong Hui", "Yong Sim", "Chun Hwa", "Mi Gyong",
        ],
        family: ["Kim", "Ri", "Pak", "Choe", "Jong", "Kang", "Jo", "Yun", "Jang", "Han", "O", "Ryu", "Rim", "Hwang"],
        familyFirst: true)
    static let ethiopian = NameSet(
        male: ["Tadesse", "Kenenisa", "Haile", "Abebe", "Getaneh", "Lelisa", "Tamirat", "Birhanu", "Sisay", "Mosinet"],
        female: ["Tigist", "Tirunesh", "Almaz", "Meseret", "Worknesh", "Ruti", "Amane", "Gotytom", "Tsehay"],
        family: [
            "Tola", "Lemma", "Gebre", "Desisa", "Kebede", "Assefa", "Bekele", "Ayana", "Girma", "Tefera",
            "Legese", "Dibaba", "Mengistu",
        ])
    static let kenyan = NameSet(
        male: ["Eliud", "Geoffrey", "Wilson", "Dennis", "Evans", "Titus", "Amos", "Felix", "Vincent", "Benson"],
        female: ["Brigid", "Mary", "Peres", "Ruth", "Joyce", "Hellen", "Purity", "Sheila", "Judith"],
        family: [
            "Kiprotich", "Kimetto", "Cheruiyot", "Chebet", "Jepchirchir", "Kosgei", "Kipruto", "Korir",
            "Kiplagat", "Rotich", "Mutai", "Jeptoo",
        ])
    static let ugandan = NameSet(
        male: ["Joshua", "Jacob", "Stephen", "Victor", "Fred"],
        female: ["Stella", "Juliet", "Doreen", "Esther", "Mercyline"],
        family: ["Cheptegei", "Kiplimo", "Kiprop", "Chelangat", "Chemutai", "Musobo"])
    static let moroccan = NameSet(
        male: ["Othmane", "Hicham", "Mohamed", "Youssef", "Soufiane"],
        female: ["Fatima", "Rkia", "Soukaina", "Kaoutar", "Malika"],
        family: ["El Goumri", "Bakkali", "El Kaam", "Ezzaher", "Benazzouz"])
    static let brazilian = NameSet(
        male: ["João", "Marílson", "Vanderlei", "Thiago", "Luíz"],
        female: ["Adriana", "Conceição", "Graça", "Tânia", "Luíza"],
        family: ["Gonçalves", "Simões", "Araújo", "Cordeiro", "Assunção", "Brandão"])

    /// DPRK runners: most registered in romanised form, some in Hangul.
    static let home = CountryNames(code: "PRK", weight: 0, sets: [(koreanRomanised, 0.7), (koreanHangul, 0.3)])

    /// Foreign amateurs. Listed in the order the first entrants take them,
    /// so even a small field covers many countries.
    static let foreign: [CountryNames] = [
        CountryNames(code: "CHN", weight: 8, sets: [(chineseHanzi, 0.6), (chinesePinyin, 0.4)]),
        CountryNames(code: "GBR", weight: 6, sets: [(english, 1)]),
        CountryNames(code: "USA", weight: 5, sets: [(english, 0.8), (spanish, 0.2)]),
        CountryNames(code: "DEU", weight: 5, sets: [(german, 1)]),
        CountryNames(code: "FRA", weight: 4, sets: [(french, 1)]),
        CountryNames(code: "AUS", weight: 4, sets: [(english, 1)]),
        CountryNames(code: "NLD", weight: 3, sets: [(dutch, 1)]),
        CountryNames(code: "SWE", weight: 3, sets: [(swedish, 1)]),
        CountryNames(code: "CAN", weight: 3, sets: [(english, 0.7), (french, 0.3)]),
        CountryNames(code: "JPN", weight: 3, sets: [(japaneseKanji, 0.6), (japaneseRomaji, 0.4)]),
        CountryNames(code: "ESP", weight: 3, sets: [(spanish, 1)]),
        CountryNames(code: "ITA", weight: 3, sets: [(italian, 1)]),
        CountryNames(code: "RUS", weight: 3, sets: [(russianLatin, 0.6), (russianCyrillic, 0.4)]),
        CountryNames(code: "NOR", weight: 2, sets: [(norwegian, 1)]),
        CountryNames(code: "DNK", weight: 2, sets: [(danish, 1)]),
        CountryNames(code: "NZL", weight: 2, sets: [(english, 1)]),
        CountryNames(code: "IRL", weight: 2, sets: [(english, 1)]),
        CountryNames(code: "CHE", weight: 2, sets: [(german, 0.7), (french, 0.2), (italian, 0.1)]),
        CountryNames(code: "AUT", weight: 2, sets: [(german, 1)]),
        CountryNames(code: "BEL", weight: 2, sets: [(french, 0.5), (dutch, 0.5)]),
        CountryNames(code: "POL", weight: 2, sets: [(polish, 1)]),
        CountryNames(code: "CZE", weight: 2, sets: [(czech, 1)]),
        CountryNames(code: "VNM", weight: 2, sets: [(vietnamese, 1)]),
        CountryNames(code: "MNG", weight: 2, sets: [(mongolian, 1)]),
        CountryNames(code: "SGP", weight: 2, sets: [(singaporean, 1)]),
        CountryNames(code: "FIN", weight: 1, sets: [(finnish, 1)]),
        CountryNames(code: "ISL", weight: 1, sets: [(icelandic, 1)]),
        CountryNames(code: "HUN", weight: 1, sets: [(hungarian, 1)]),
        CountryNames(code: "PRT", weight: 1, sets: [(portuguese, 1)]),
        CountryNames(code: "BRA", weight: 1, sets: [(brazilian, 1)]),
        CountryNames(code: "MEX", weight: 1, sets: [(spanish, 1)]),
        CountryNames(code: "ARG", weight: 1, sets: [(spanish, 1)]),
    ]

    /// Elite fields: code, weight, name traditions, fastest and slowest
    /// expected time (men, then women).
    struct EliteCountry: Sendable {
        var names: CountryNames
        var men: ClosedRange<Millis>
        var women: ClosedRange<Millis>
    }

    static let elite: [EliteCountry] = [
        EliteCountry(
            names: CountryNames(code: "PRK", weight: 45, sets: [(koreanRomanised, 0.8), (koreanHangul, 0.2)]),
            men: clock(2, 9)...clock(2, 20), women: clock(2, 22)...clock(2, 38)),
        EliteCountry(
            names: CountryNames(code: "ETH", weight: 20, sets: [(ethiopian, 1)]),
            men: clock(2, 5)...clock(2, 12), women: clock(2, 20)...clock(2, 28)),
        EliteCountry(
            names: CountryNames(code: "KEN", weight: 20, sets: [(kenyan, 1)]),
            men: clock(2, 5)...clock(2, 12), women: clock(2, 20)...clock(2, 28)),
        EliteCountry(
            names: CountryNames(code: "UGA", weight: 5, sets: [(ugandan, 1)]),
            men: clock(2, 7)...clock(2, 15), women: clock(2, 23)...clock(2, 32)),
        EliteCountry(
            names: CountryNames(code: "MAR", weight: 4, sets: [(moroccan, 1)]),
            men: clock(2, 8)...clock(2, 16), women: clock(2, 24)...clock(2, 35)),
        EliteCountry(
            names: CountryNames(code: "JPN", weight: 3, sets: [(japaneseKanji, 0.5), (japaneseRomaji, 0.5)]),
            men: clock(2, 8)...clock(2, 18), women: clock(2, 22)...clock(2, 35)),
        EliteCountry(
            names: CountryNames(code: "CHN", weight: 3, sets: [(chineseHanzi, 0.5), (chinesePinyin, 0.5)]),
            men: clock(2, 10)...clock(2, 20), women: clock(2, 24)...clock(2, 40)),
    ]

    static let homeClubs = [
        "Amnokgang Sports Club", "Kigwancha Sports Club", "April 25 Sports Club", "Rimyongsu Sports Club",
        "Sobaeksu Sports Club", "Kyonggongop Sports Club", "Wolmido Sports Club", "Pyongyang City Sports Club",
    ]
    /// Some with commas, quotes and an emoji, as entry files have them.
    static let foreignClubs = [
        "Koryo Tours Running Club", "Hash House Harriers, Beijing", "Berlin Track Club", "Les Foulées \"Vertes\"",
        "Stockholm Marathon Club", "Tokyo Runners", "Run Club 🏃 Melbourne", "Dublin City Harriers",
        "Helsingin Kisa-Veikot", "Oslo Løpeklubb", "Wiener Laufclub", "Club Atlético de Madrid",
        "Warszawski Klub Biegacza", "Shanghai Marathon Friends", "Sydney Striders",
    ]
}
