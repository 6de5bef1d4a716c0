import RaceModel

/// Writes the lines of one read file in its decoder's format, numbering them
/// as the decoder would (CTP01 sequence and lap count, RACE RESULT PassingNo).
struct LineRenderer {
    let spec: FileSpec
    let point: PointSpec
    let pointIndex: Int
    let date: CivilDate
    private var rng: SplitMix64
    private var sequence = 0
    private var laps: [String: Int] = [:]
    private var buffer = LineBytes()
    /// Where the code ends in the last rendered line, for truncating it.
    private var codeEnd = 0
    private let readerId: String
    private let boxId: String

    init(spec: FileSpec, point: PointSpec, pointIndex: Int, date: CivilDate, seed: UInt64, fileIndex: Int) {
        self.spec = spec
        self.point = point
        self.pointIndex = pointIndex
        self.date = date
        rng = SplitMix64(seed: seed, stream: 100 + UInt64(fileIndex))
        readerId = String(0xA1_3C00 + 0x1F3 * fileIndex, radix: 16, uppercase: true)
        boxId = "D-" + String(4100 + 37 * fileIndex)
    }

    /// The text of a read, gun marker or planted garbage line.
    mutating func render(_ line: PendingLine, garbage: GarbageKind?, template: String) -> (
        text: String, reason: String?
    ) {
        switch line.kind {
        case .read: read(line.code, line.stamp, edge: nil)
        case .firstSeen: read(line.code, line.stamp, edge: .first)
        case .lastSeen: read(line.code, line.stamp, edge: .last)
        case .gun: gunMarker(line.stamp)
        case .lost: return ("", nil)
        case .garbage:
            switch garbage {
            case .nonsense(let text)?:
                return (text, "not a read line")
            case .badChecksum? where spec.style.readFormat == .ipico:
                read(template, line.stamp, edge: nil)
                let n = buffer.bytes.count
                let sum = hexValue(buffer.bytes[n - 2]) * 16 + hexValue(buffer.bytes[n - 1])
                buffer.bytes.removeLast(2)
                buffer.hex2(sum + 0x11)
                return (buffer.string, "IPICO checksum does not match")
            default:
                read(template, line.stamp, edge: nil)
                buffer.bytes.removeSubrange(min(codeEnd + 3, buffer.bytes.count)...)
                return (buffer.string, "line cut off after the code")
            }
        }
        return (buffer.string, nil)
    }

    /// A passing the decoder numbered but never wrote.
    mutating func skipNumber() { sequence += 1 }

    private func hexValue(_ c: UInt8) -> Int {
        c <= UInt8(ascii: "9") ? Int(c - UInt8(ascii: "0")) : Int(c - UInt8(ascii: "a")) + 10
    }

    private mutating func read(_ code: String, _ stamp: Millis, edge: SeenEdge?) {
        buffer.reset()
        switch spec.style {
        case .ipico, .ipicoFirstLastSeen:
            ipico(code, stamp, edge: edge)
        case .ctp01Tilde, .ctp01Comma:
            ctp01(code, stamp, lap: nextLap(code), port: rng.int(in: 1...8))
        case .raceResult(let prefixed, let undatedUntil):
            raceResult(code, stamp, prefixed: prefixed, dated: stamp >= undatedUntil)
        case .manual:
            buffer.add(code)
            buffer.add(",")
            codeEnd = buffer.bytes.count - 1
            buffer.clock(stamp, fractionDigits: 3)
        case .chronotrackController:
            controllerObservation(code, stamp)
        case .mylaps:
            mylapsPassing(code, stamp, count: nextLap(code))
        }
    }

    private mutating func gunMarker(_ stamp: Millis) {
        buffer.reset()
        ctp01("guntime", stamp, lap: 0, port: 0)
    }

    private mutating func nextLap(_ code: String) -> Int {
        let lap = (laps[code] ?? 0) + 1
        laps[code] = lap
        return lap
    }

    /// `aa RR TTTTTTTTTTTT IIQQ YYMMDD HHMMSS CC [TTO] KK` with the checksum over
    /// everything between `aa` and itself. With first/last seen on, the three
    /// TTO bytes end in the status: `80` first seen, `60` last seen.
    private mutating func ipico(_ tag: String, _ stamp: Millis, edge: SeenEdge?) {
        buffer.add("aa")
        buffer.digits(pointIndex % 100, width: 2)
        buffer.add(tag)
        codeEnd = buffer.bytes.count
        buffer.add("000")
        buffer.digits(rng.int(in: 1...4), width: 1)
        buffer.digits(date.year % 100, width: 2)
        buffer.digits(date.month, width: 2)
        buffer.digits(date.day, width: 2)
        let s = stamp / 1000
        buffer.digits(s / 3600, width: 2)
        buffer.digits((s / 60) % 60, width: 2)
        buffer.digits(s % 60, width: 2)
        buffer.hex2((stamp % 1000) / 10)
        if spec.style == .ipicoFirstLastSeen {
            buffer.hex2(rng.int(in: 1...15))
            buffer.hex2(0)
            buffer.hex2(edge == .last ? 0x60 : 0x80)
        }
        var sum = 0
        for c in buffer.bytes[2...] { sum += Int(c) }
        buffer.hex2(sum)
    }

    /// `TO~seq~tag~160~18~epoch.hh~readerMAC~antenna~RSSI~count~P~n`, the epoch
    /// counted from the local wall clock as the controller does.
    private mutating func controllerObservation(_ tag: String, _ stamp: Millis) {
        sequence += 1
        buffer.add("TO~")
        buffer.number(sequence)
        buffer.add("~")
        buffer.add(tag)
        codeEnd = buffer.bytes.count
        buffer.add("~160~18~")
        buffer.number(date.daysSinceEpoch * 86_400 + stamp / 1000)
        buffer.add(".")
        buffer.digits((stamp % 1000) / 10, width: 2)
        buffer.add("~")
        buffer.add(readerId)
        buffer.add("~")
        buffer.number(rng.chance(0.2) ? 4 : 8)
        buffer.add("~")
        buffer.number(-rng.int(in: 27...74))
        buffer.add("~")
        buffer.number(sequence)
        buffer.add("~P~")
        buffer.number(rng.int(in: 1...280))
    }

    /// `<chip>HH:MM:SS.mmm D RR NNNPPPPYYMMDDKK`: device, reader, the chip's
    /// passing count, the passing number (hex), the date and the byte-sum check,
    /// hex in upper case as MYLAPS writes it.
    private mutating func mylapsPassing(_ chip: String, _ stamp: Millis, count: Int) {
        buffer.add(chip)
        codeEnd = buffer.bytes.count
        buffer.clock(stamp, fractionDigits: 3)
        buffer.add(" 1 0F")
        if count < 100 { buffer.add(count < 10 ? "  " : " ") }
        buffer.number(count)
        upperHex(sequence >> 8)
        upperHex(sequence)
        sequence += 1
        buffer.digits(date.year % 100, width: 2)
        buffer.digits(date.month, width: 2)
        buffer.digits(date.day, width: 2)
        var sum = 0
        for c in buffer.bytes { sum += Int(c) }
        upperHex(sum)
    }

    private mutating func upperHex(_ v: Int) {
        let digits = Array("0123456789ABCDEF".utf8)
        buffer.add(byte: digits[(v >> 4) & 0xF])
        buffer.add(byte: digits[v & 0xF])
    }

    /// `CT01_33~seq~location~tag~HH:MM:SS.hh~lap~reader~port`, or the comma variant.
    private mutating func ctp01(_ code: String, _ stamp: Millis, lap: Int, port: Int) {
        let tilde = spec.style == .ctp01Tilde
        let sep = tilde ? "~" : ","
        sequence += 1
        buffer.add(tilde ? "CT01_33" : "CT01_13")
        buffer.add(sep)
        buffer.number(sequence)
        buffer.add(sep)
        buffer.add(point.deviceName)
        buffer.add(sep)
        buffer.add(code)
        codeEnd = buffer.bytes.count
        buffer.add(sep)
        buffer.clock(stamp, fractionDigits: 2)
        buffer.add(sep)
        buffer.number(lap)
        buffer.add(sep)
        buffer.add(readerId)
        buffer.add(sep)
        buffer.number(port)
    }

    /// `PassingNo;Transponder;Date;Time;EventID;Hits;MaxRSSI;InternalData;IsActive;
    /// Channel;LoopID;LoopOnly;WakeupCounter;Battery;Temperature;InternalActiveData;
    /// BoxName;FileNumber;MaxRSSIAntenna;BoxId`, pushed ones prefixed `#P;`.
    private mutating func raceResult(_ code: String, _ stamp: Millis, prefixed: Bool, dated: Bool) {
        sequence += 1
        if prefixed { buffer.add("#P;") }
        buffer.number(sequence)
        buffer.add(";")
        buffer.add(code)
        codeEnd = buffer.bytes.count
        buffer.add(";")
        buffer.add(dated ? date.description : "0000-00-00")
        buffer.add(";")
        buffer.clock(stamp, fractionDigits: 3)
        buffer.add(";")
        buffer.add(";")  // EventID
        buffer.number(rng.int(in: 2...40))
        buffer.add(";")  // Hits
        buffer.number(-rng.int(in: 42...82))
        buffer.add(";")  // MaxRSSI
        buffer.hex2(rng.below(256))
        buffer.hex2(rng.below(256))
        buffer.add(";")
        buffer.add("0")  // IsActive: passive
        buffer.add(";;;;;;;;")  // Channel ... InternalActiveData
        buffer.add(point.deviceName)
        buffer.add(";")
        buffer.add("1;")  // FileNumber
        buffer.number(rng.int(in: 1...8))
        buffer.add(";")
        buffer.add(boxId)
    }
}
