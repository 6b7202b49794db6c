import FramstegCore
import Testing

@Suite("Durations as seconds and milliseconds")
struct DurationMeasuresTests {
    @Test("whole and fractional parts both count")
    func measures() {
        #expect(Duration.milliseconds(2500).inSeconds == 2.5)
        #expect(Duration.microseconds(1500).inMilliseconds == 1.5)
        #expect(Duration.seconds(3).inMilliseconds == 3000)
    }
}
