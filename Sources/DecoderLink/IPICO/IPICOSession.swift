import RaceModel
import TimingIngest

/// racedash's side of an IPICO reader's TCP stream (port 10000): the reader
/// sends every tag read as an `aa` line as it happens, and `ab` control and
/// status frames between them; racedash sends nothing. `aa` reads and the
/// trigger (gun) frame are stored as sent; status frames are not. The reader
/// numbers nothing and does not replay the stream, so a repeat is the same tag
/// at the same time (the reader resends a read about 5.5 s later with only its
/// internal columns changed), and reads taken while the link was down stay in
/// the reader's memory (docs/decoders.md).
struct IPICOSession: DecoderSession {
    func opened(_ stored: StoredPassings) -> [String] { [] }

    func keepAlive(_ stored: StoredPassings) -> [String] { [] }

    func carriesPassings(_ line: String) -> Bool { line.hasPrefix("aa") || line.hasPrefix("ab") }

    func received(_ line: String, _ stored: StoredPassings) -> SessionStep {
        if line.hasPrefix("aa") { return SessionStep(passings: [line]) }
        if line.hasPrefix("ab"), case .gunMarker = ReadLineParser.parse(line) { return SessionStep(passings: [line]) }
        return SessionStep()
    }
}
