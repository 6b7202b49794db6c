extension QRCode {
    /// The matrix while it is drawn: function patterns first (marked so data and masks skip them),
    /// then the codewords, then the mask and the format bits.
    struct Builder {
        let version: Int
        let size: Int
        var modules: [[Bool]]
        var isFunction: [[Bool]]

        init(version: Int) {
            self.version = version
            size = version * 4 + 17
            modules = Array(repeating: Array(repeating: false, count: size), count: size)
            isFunction = modules
        }

        mutating func set(_ x: Int, _ y: Int, _ dark: Bool) {
            modules[y][x] = dark
            isFunction[y][x] = true
        }

        mutating func drawFunctionPatterns() {
            for i in 0..<size {
                set(6, i, i % 2 == 0)
                set(i, 6, i % 2 == 0)
            }
            drawFinder(3, 3)
            drawFinder(size - 4, 3)
            drawFinder(3, size - 4)
            let positions = alignmentPositions()
            let last = positions.count - 1
            for (i, x) in positions.enumerated() {
                for (j, y) in positions.enumerated() where !(i == 0 && j == 0) && !(i == 0 && j == last) && !(i == last && j == 0) {
                    drawAlignment(x, y)
                }
            }
            drawFormatBits(mask: 0)
            drawVersion()
        }

        mutating func drawFinder(_ x: Int, _ y: Int) {
            for dy in -4...4 {
                for dx in -4...4 {
                    let distance = max(abs(dx), abs(dy))
                    let (xx, yy) = (x + dx, y + dy)
                    if (0..<size).contains(xx), (0..<size).contains(yy) { set(xx, yy, distance != 2 && distance != 4) }
                }
            }
        }

        mutating func drawAlignment(_ x: Int, _ y: Int) {
            for dy in -2...2 {
                for dx in -2...2 { set(x + dx, y + dy, max(abs(dx), abs(dy)) != 1) }
            }
        }

        func alignmentPositions() -> [Int] {
            guard version > 1 else { return [] }
            let count = version / 7 + 2
            let step = (version * 8 + count * 3 + 5) / (count * 4 - 4) * 2
            var result = [Int](repeating: 0, count: count)
            result[0] = 6
            var position = size - 7
            for i in stride(from: count - 1, through: 1, by: -1) {
                result[i] = position
                position -= step
            }
            return result
        }

        /// Level M (format bits 00) and the mask, BCH-coded and drawn twice.
        mutating func drawFormatBits(mask: Int) {
            let data = mask
            var remainder = data
            for _ in 0..<10 { remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537) }
            let bits = (data << 10 | remainder) ^ 0x5412
            func bit(_ i: Int) -> Bool { (bits >> i) & 1 == 1 }
            for i in 0...5 { set(8, i, bit(i)) }
            set(8, 7, bit(6))
            set(8, 8, bit(7))
            set(7, 8, bit(8))
            for i in 9..<15 { set(14 - i, 8, bit(i)) }
            for i in 0..<8 { set(size - 1 - i, 8, bit(i)) }
            for i in 8..<15 { set(8, size - 15 + i, bit(i)) }
            set(8, size - 8, true)
        }

        mutating func drawVersion() {
            guard version >= 7 else { return }
            var remainder = version
            for _ in 0..<12 { remainder = (remainder << 1) ^ ((remainder >> 11) * 0x1F25) }
            let bits = version << 12 | remainder
            for i in 0..<18 {
                let dark = (bits >> i) & 1 == 1
                let a = size - 11 + i % 3
                let b = i / 3
                set(a, b, dark)
                set(b, a, dark)
            }
        }

        /// The codewords' bits in the zigzag of two-module columns, right to left, skipping the timing column.
        mutating func drawCodewords(_ data: [UInt8]) {
            var i = 0
            var right = size - 1
            while right >= 1 {
                if right == 6 { right = 5 }
                for vertical in 0..<size {
                    for j in 0..<2 {
                        let x = right - j
                        let upward = (right + 1) & 2 == 0
                        let y = upward ? size - 1 - vertical : vertical
                        if !isFunction[y][x], i < data.count * 8 {
                            modules[y][x] = (data[i >> 3] >> (7 - (i & 7))) & 1 == 1
                            i += 1
                        }
                    }
                }
                right -= 2
            }
        }

        /// XORs the mask pattern over the data modules; applying it twice undoes it.
        mutating func applyMask(_ mask: Int) {
            for y in 0..<size {
                for x in 0..<size where !isFunction[y][x] {
                    let invert: Bool =
                        switch mask {
                        case 0: (x + y) % 2 == 0
                        case 1: y % 2 == 0
                        case 2: x % 3 == 0
                        case 3: (x + y) % 3 == 0
                        case 4: (x / 3 + y / 2) % 2 == 0
                        case 5: x * y % 2 + x * y % 3 == 0
                        case 6: (x * y % 2 + x * y % 3) % 2 == 0
                        default: ((x + y) % 2 + x * y % 3) % 2 == 0
                        }
                    if invert { modules[y][x].toggle() }
                }
            }
        }

        mutating func bestMask() -> Int {
            var best = 0
            var lowest = Int.max
            for mask in 0..<8 {
                applyMask(mask)
                drawFormatBits(mask: mask)
                let penalty = penaltyScore()
                if penalty < lowest {
                    lowest = penalty
                    best = mask
                }
                applyMask(mask)
            }
            return best
        }

        func penaltyScore() -> Int {
            var result = 0
            for y in 0..<size { result += linePenalty((0..<size).map { modules[y][$0] }) }
            for x in 0..<size { result += linePenalty((0..<size).map { modules[$0][x] }) }
            for y in 0..<size - 1 {
                for x in 0..<size - 1 {
                    let colour = modules[y][x]
                    if colour == modules[y][x + 1], colour == modules[y + 1][x], colour == modules[y + 1][x + 1] { result += 3 }
                }
            }
            let dark = modules.reduce(0) { $0 + $1.filter { $0 }.count }
            let total = size * size
            result += ((abs(dark * 20 - total * 10) + total - 1) / total - 1) * 10
            return result
        }

        /// Runs of five or more of one colour, and finder-like 1:1:3:1:1 patterns with light space beside.
        private func linePenalty(_ line: [Bool]) -> Int {
            var result = 0
            var runColour = false
            var runLength = 0
            var history = [Int](repeating: 0, count: 7)
            for dark in line {
                if dark == runColour {
                    runLength += 1
                    if runLength == 5 { result += 3 } else if runLength > 5 { result += 1 }
                } else {
                    addHistory(runLength, &history)
                    if !runColour { result += finderPatterns(history) * 40 }
                    runColour = dark
                    runLength = 1
                }
            }
            if runColour {
                addHistory(runLength, &history)
                runLength = 0
            }
            addHistory(runLength + size, &history)
            result += finderPatterns(history) * 40
            return result
        }

        private func addHistory(_ length: Int, _ history: inout [Int]) {
            let length = history[0] == 0 ? length + size : length
            history.removeLast()
            history.insert(length, at: 0)
        }

        private func finderPatterns(_ history: [Int]) -> Int {
            let n = history[1]
            let core = n > 0 && history[2] == n && history[3] == n * 3 && history[4] == n && history[5] == n
            return (core && history[0] >= n * 4 && history[6] >= n ? 1 : 0) + (core && history[6] >= n * 4 && history[0] >= n ? 1 : 0)
        }
    }
}

extension QRCode {
    /// The code as an SVG image with a quiet zone of four modules: one path, dark on white, sized
    /// by the page's CSS. `label` is what a screen reader says.
    func svg(label: String) -> String {
        let quiet = 4
        let side = size + 2 * quiet
        var path = ""
        for (y, row) in modules.enumerated() {
            for (x, dark) in row.enumerated() where dark { path += "M\(x + quiet) \(y + quiet)h1v1h-1z" }
        }
        return
            #"<svg class="qr-code" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \#(side) \#(side)" role="img" aria-label="\#(SVG.escape(label))" shape-rendering="crispEdges">"#
            + #"<rect width="\#(side)" height="\#(side)" fill="white"/><path d="\#(path)" fill="black"/></svg>"#
    }
}
