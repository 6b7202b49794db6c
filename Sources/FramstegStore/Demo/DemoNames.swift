import Foundation
import FramstegCore

/// Common Swedish names and reasons, for demo participants who do not exist.
enum DemoNames {
    static let women = [
        "Anna", "Eva", "Maria", "Karin", "Sara", "Emma", "Lena", "Sofia", "Ida", "Elin", "Fatima", "Amina",
        "Hanna", "Johanna", "Linnea", "Maja", "Nora", "Leila", "Olivia", "Camilla", "Jessica", "Petra",
    ]
    static let men = [
        "Erik", "Lars", "Anders", "Johan", "Mikael", "Karl", "Peter", "Ahmed", "Mohammed", "Ali", "Oskar",
        "Viktor", "Emil", "Jonas", "Daniel", "Hassan", "Marcus", "Niklas", "Sebastian", "Tobias", "Omar", "Robin",
    ]
    static let others = ["Alex", "Kim", "Robin", "Sam", "Charlie", "Vide"]
    static let surnames = [
        "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson",
        "Svensson", "Gustafsson", "Pettersson", "Jonsson", "Lindberg", "Lindqvist", "Berg", "Ek",
        "Holm", "Nyström", "Ali", "Hussein", "Mohamed", "Yilmaz", "Nguyen", "Lind", "Sjöberg", "Åberg",
    ]
    /// Referrers' names: surnames no participant has, so a test can tell them apart.
    static let referrers = [
        "Birgitta Sandberg", "Ulf Ekström", "Marie Forsberg", "Jan Wikström", "Susanne Blom", "Kristina Lundgren", "Mats Hedlund",
    ]
    static let reasons = [
        "Långvarig sjukskrivning och behöver stöd tillbaka mot arbete.",
        "Har varit arbetslös länge och har kontakt med flera myndigheter.",
        "Ung vuxen som inte arbetar eller studerar; behöver samordnat stöd.",
        "Ekonomiskt bistånd sedan flera år; vill pröva arbetsträning.",
        "Psykisk ohälsa; behöver stöd från både vården och Arbetsförmedlingen.",
        "Nyanländ med begränsad svenska; vill komma vidare mot studier.",
    ]

    /// An address made from the name: `anna.aberg@exempel.se` (letters folded to ASCII).
    static func email(for name: String) -> String {
        name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
            .replacingOccurrences(of: " ", with: ".") + "@exempel.se"
    }

    static func name(_ gender: Gender, _ random: inout SeededRandom) -> String {
        let first: [String] =
            switch gender {
            case .woman: women
            case .man: men
            case .anotherOrNotStated: others
            }
        return first.randomElement(using: &random)! + " " + surnames.randomElement(using: &random)!
    }
}
