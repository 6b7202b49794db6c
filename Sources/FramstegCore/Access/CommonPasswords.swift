/// Passwords of twelve characters or more that appear at the top of leaked-password lists,
/// plus Swedish ones; compared in lower case.
enum CommonPasswords {
    static let list: Set<String> = [
        "123456789012", "1234567890123", "12345678901234", "123456789123", "1234567891011",
        "123123123123", "111111111111", "000000000000", "121212121212", "112233445566",
        "password1234", "password12345", "password123456", "password!234", "passwordpassword",
        "qwertyuiop12", "qwertyuiopå", "qwertyuiopasdf", "qwerty123456", "qwertyqwerty",
        "1q2w3e4r5t6y", "1qaz2wsx3edc", "q1w2e3r4t5y6", "zaq12wsxcde3", "asdfghjklöä",
        "iloveyou1234", "iloveyouiloveyou", "letmein12345", "welcome12345", "welcome123456",
        "administrator", "administratör", "admin1234567", "adminadmin12", "changeme1234",
        "sunshine1234", "princess1234", "football1234", "baseball1234", "superman1234",
        "trustno1trustno1", "monkey123456", "dragon123456", "master123456", "starwars1234",
        "lösenord1234", "losenord1234", "lösenordet123", "losenordet123", "sommar2024!!",
        "sommar123456", "vinter123456", "hösten123456", "varen1234567", "sverige12345",
        "sverige123456", "stockholm123", "goteborg1234", "göteborg1234", "hejsan123456",
        "hemligt12345", "hemlighet123", "välkommen123", "valkommen123", "valkommen1234",
        "framsteg1234", "framsteg2024", "framsteg2025", "framsteg2026", "samordning12",
        "insjoriket12", "insjöriket12", "activera1234", "password2024", "password2025",
        "password2026", "sommar2025!!", "sommar2026!!", "januari12345", "december1234",
        "correcthorsebatterystaple", "abcdefghijkl", "abcdef123456", "abc123abc123",
        "a1b2c3d4e5f6", "aaaaaaaaaaaa", "asdfasdfasdf", "zxcvbnm12345", "1234qwerasdf",
    ]

    /// Keyboard rows and digit runs: any twelve-character slice of them is refused.
    static let sequences: [String] = [
        "01234567890123456789", "98765432109876543210",
        "abcdefghijklmnopqrstuvwxyzåäö", "qwertyuiopåasdfghjklöäzxcvbnm", "qwertyuiopasdfghjklzxcvbnm",
    ]
}
