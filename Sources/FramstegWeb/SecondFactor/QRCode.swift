/// A QR code (ISO/IEC 18004) of a text in byte mode, error correction level M, as a matrix of
/// modules: what the enrolment page draws as SVG for an authenticator app to read. Written here
/// rather than taken from a package because it is small and nothing in the mirror draws one;
/// it follows the standard's steps in the order of Project Nayuki's reference implementation and
/// is checked against another encoder (python-qrcode) in the tests.
struct QRCode: Sendable {
    /// `modules[y][x]`, true for dark; `size` × `size`, without the quiet zone.
    let modules: [[Bool]]
    let version: Int
    let mask: Int

    var size: Int { modules.count }

    /// The smallest version that holds the text; `mask` forces a mask pattern (tests), otherwise the
    /// one with the lowest penalty is chosen. Nil when the text does not fit in version 40.
    init?(_ text: String, version forcedVersion: Int? = nil, mask forcedMask: Int? = nil) {
        let data = Array(text.utf8)
        guard let version = forcedVersion ?? Self.smallestVersion(forBytes: data.count) else { return nil }
        var builder = Builder(version: version)
        builder.drawFunctionPatterns()
        builder.drawCodewords(Self.codewords(data, version: version))
        let mask = forcedMask ?? builder.bestMask()
        builder.applyMask(mask)
        builder.drawFormatBits(mask: mask)
        self.modules = builder.modules
        self.version = version
        self.mask = mask
    }

    // MARK: Data and error correction

    /// Codewords per block for level M, by version (index 0 unused).
    static let eccCodewordsPerBlock = [
        -1, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28, 28, 28, 28, 28, 28, 28,
        28, 28, 28, 28, 28, 28, 28, 28, 28, 28,
    ]
    /// Error correction blocks for level M, by version (index 0 unused).
    static let eccBlocks = [
        -1, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37,
        38, 40, 43, 45, 47, 49,
    ]

    static func rawDataModules(_ version: Int) -> Int {
        var result = (16 * version + 128) * version + 64
        if version >= 2 {
            let alignments = version / 7 + 2
            result -= (25 * alignments - 10) * alignments - 55
            if version >= 7 { result -= 36 }
        }
        return result
    }

    static func dataCodewords(_ version: Int) -> Int {
        rawDataModules(version) / 8 - eccCodewordsPerBlock[version] * eccBlocks[version]
    }

    static func countBits(_ version: Int) -> Int { version <= 9 ? 8 : 16 }

    static func smallestVersion(forBytes count: Int) -> Int? {
        (1...40).first { 4 + countBits($0) + 8 * count <= dataCodewords($0) * 8 }
    }

    /// The data bits (mode, count, bytes, terminator, padding) split into blocks with their
    /// Reed-Solomon codewords, interleaved.
    static func codewords(_ data: [UInt8], version: Int) -> [UInt8] {
        var bits: [Bool] = []
        func append(_ value: Int, _ count: Int) {
            for i in stride(from: count - 1, through: 0, by: -1) { bits.append((value >> i) & 1 == 1) }
        }
        append(0b0100, 4)
        append(data.count, countBits(version))
        for byte in data { append(Int(byte), 8) }
        let capacity = dataCodewords(version) * 8
        append(0, min(4, capacity - bits.count))
        append(0, (8 - bits.count % 8) % 8)
        var padByte = 0xEC
        while bits.count < capacity {
            append(padByte, 8)
            padByte ^= 0xEC ^ 0x11
        }
        let bytes = stride(from: 0, to: bits.count, by: 8).map { start in
            bits[start..<start + 8].reduce(UInt8(0)) { ($0 << 1) | ($1 ? 1 : 0) }
        }
        return interleaved(bytes, version: version)
    }

    static func interleaved(_ data: [UInt8], version: Int) -> [UInt8] {
        let blockCount = eccBlocks[version]
        let eccLength = eccCodewordsPerBlock[version]
        let rawCodewords = rawDataModules(version) / 8
        let shortBlocks = blockCount - rawCodewords % blockCount
        let shortBlockLength = rawCodewords / blockCount
        let divisor = ReedSolomon.divisor(degree: eccLength)
        var blocks: [[UInt8]] = []
        var start = 0
        for i in 0..<blockCount {
            let length = shortBlockLength - eccLength + (i < shortBlocks ? 0 : 1)
            var block = Array(data[start..<start + length])
            start += length
            let ecc = ReedSolomon.remainder(block, divisor: divisor)
            if i < shortBlocks { block.append(0) }
            blocks.append(block + ecc)
        }
        var result: [UInt8] = []
        for i in 0..<blocks[0].count {
            for (j, block) in blocks.enumerated() where i != shortBlockLength - eccLength || j >= shortBlocks {
                result.append(block[i])
            }
        }
        return result
    }
}

/// Reed-Solomon over GF(2^8) with the QR code's polynomial 0x11D.
enum ReedSolomon {
    static func multiply(_ x: UInt8, _ y: UInt8) -> UInt8 {
        var z = 0
        for i in stride(from: 7, through: 0, by: -1) {
            z = (z << 1) ^ ((z >> 7) * 0x11D)
            z ^= ((Int(y) >> i) & 1) * Int(x)
        }
        return UInt8(z)
    }

    static func divisor(degree: Int) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: degree)
        result[degree - 1] = 1
        var root: UInt8 = 1
        for _ in 0..<degree {
            for j in 0..<degree {
                result[j] = multiply(result[j], root)
                if j + 1 < degree { result[j] ^= result[j + 1] }
            }
            root = multiply(root, 0x02)
        }
        return result
    }

    static func remainder(_ data: [UInt8], divisor: [UInt8]) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: divisor.count)
        for byte in data {
            let factor = byte ^ result.removeFirst()
            result.append(0)
            for i in 0..<result.count { result[i] ^= multiply(divisor[i], factor) }
        }
        return result
    }
}
