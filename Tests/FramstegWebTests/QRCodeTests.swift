import Crypto
import Foundation
import Testing

@testable import FramstegWeb

/// The matrices are compared with python-qrcode 8.2, an independent encoder (`QRCode(version=V,
/// error_correction=ERROR_CORRECT_M, mask_pattern=M, border=0)` with
/// `add_data(QRData(text.encode(), mode=MODE_8BIT_BYTE), optimize=0)`): the first 16 hex digits of
/// the SHA-256 of its rows written with `#` for dark and `.` for light, joined by newlines. (segno
/// pads a byte-aligned stream with an extra zero byte after the terminator, so its matrices differ
/// from the standard's reading while still scanning.)
@Suite("QR codes for the authenticator app")
struct QRCodeTests {
    static let otpauth =
        "otpauth://totp/Framsteg:admin%40insjoriket.demo?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Framsteg&algorithm=SHA1&digits=6&period=30"

    static let reference: [(text: String, version: Int, hashes: [String])] = [
        (
            "HELLO", 1,
            [
                "861b752eb1990bc8", "9d4b3c5a7bd7a37a", "860c71032833f63c", "fde4a9d368993261", "956b61f34d0cde4d", "e1293ceaedb79d69",
                "744e05dd62cf3548", "8dab05dd105f69d1",
            ]
        ),
        (
            // Version 8: version information blocks, four data blocks.
            otpauth, 8,
            [
                "f48fa3a7207f4ab6", "20cf1bf5dcffd5b9", "cf9515a9467db578", "2d514d7dca9c342f", "72ebd2fa47dadd55", "4952db7143ae58ee",
                "c872cac4b6071692", "031b45f663425700",
            ]
        ),
        (
            // Version 13: a 16-bit length and blocks of two lengths.
            String(repeating: "x", count: 300), 13,
            [
                "2abaf9ed149140d4", "52035afbc8909aaa", "efa78fb3e1d2f9c5", "ccd7b24a0ac4f4c5", "a5b510c3aea92772", "a8a321ab876997ed",
                "ab1a2f9520c8caef", "ba3969292ed32cd6",
            ]
        ),
    ]

    static func fingerprint(_ code: QRCode) -> String {
        let rows = code.modules.map { row in String(row.map { $0 ? "#" : "." }) }.joined(separator: "\n")
        return SHA256.hash(data: Data(rows.utf8)).prefix(8).map { String(format: "%02x", $0) }.joined()
    }

    @Test("every mask of every example matches python-qrcode's matrix module for module")
    func matchesSegno() throws {
        for example in Self.reference {
            #expect(QRCode(example.text)?.version == example.version, "the smallest version that holds \(example.text.count) bytes")
            for mask in 0..<8 {
                let code = try #require(QRCode(example.text, version: example.version, mask: mask))
                #expect(Self.fingerprint(code) == example.hashes[mask], "version \(example.version), mask \(mask)")
            }
        }
    }

    @Test("the mask chosen by penalty draws the same matrix as that mask forced")
    func chosenMask() throws {
        for example in Self.reference {
            let chosen = try #require(QRCode(example.text))
            #expect((0..<8).contains(chosen.mask))
            #expect(Self.fingerprint(chosen) == example.hashes[chosen.mask])
        }
    }

    @Test("a text too long for version 40 has no code")
    func tooLong() {
        #expect(QRCode(String(repeating: "a", count: 2400)) == nil)
    }

    @Test("the SVG draws one square per dark module inside a quiet zone, with the label for screen readers")
    func svg() throws {
        let code = try #require(QRCode("HELLO"))
        let svg = code.svg(label: "QR-kod <för> appen")
        #expect(svg.hasPrefix(#"<svg class="qr-code" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 29 29" role="img""#))
        #expect(svg.contains(#"aria-label="QR-kod &lt;för&gt; appen""#))
        let dark = code.modules.joined().filter { $0 }.count
        #expect(svg.components(separatedBy: "h1v1h-1z").count - 1 == dark)
        #expect(svg.contains("M4 4h1v1h-1z"), "the finder's corner sits four modules in")
    }
}
