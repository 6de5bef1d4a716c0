import Testing
import TimingIngest

@Suite struct DecoderConfigTests {
    static let participants = "bib,name,race\n1,A,10k\n"

    func config(_ km5: String, stadium: String = "") -> String {
        """
        name = "Decoders"
        date = 2025-04-06
        [[points]]
        id = "stadium"
        files = ["reads/stadium.txt", "reads/stadium-backup.txt"]
        \(stadium)
        [[points]]
        id = "km5"
        files = ["reads/km5.txt"]
        \(km5)
        [[races]]
        id = "10k"
        waves = [{ id = "A", gun = "09:00:00" }]
        checkpoints = [{ id = "start", point = "stadium", km = 0 }, { id = "5K", point = "km5", km = 5 }]
        """
    }

    func load(_ text: String) throws(ConfigError) -> [DecoderSpec] {
        try EventFolder.parse(path: "ev", config: text, participants: Self.participants).decoders
    }

    func error(_ text: String) -> String? {
        do {
            _ = try load(text)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func aDecoderOnAPointWithDefaults() throws {
        let specs = try load(
            config(
                #"decoder = { protocol = "race-result", host = "10.0.0.5" }"#,
                stadium:
                    #"decoder = { protocol = "ctp01", port = 61700, file = "reads/stadium-backup.txt", location = "finish", silent_after = 20 }"#
            ))
        #expect(
            specs == [
                DecoderSpec(
                    pointId: "stadium", file: "reads/stadium-backup.txt", kind: .ctp01, host: "0.0.0.0", port: 61700,
                    location: "finish", silentAfter: 20_000),
                DecoderSpec(pointId: "km5", file: "reads/km5.txt", kind: .raceResult, host: "10.0.0.5", port: 3601),
            ])
    }

    @Test func noDecoderIsNoCapture() throws {
        #expect(try load(config("")).isEmpty)
    }

    @Test func mistakesNameTheFileTheKeyAndTheFix() {
        #expect(
            error(config(#"decoder = { protocol = "amb", host = "x" }"#))
                == #"ev/event.toml: points[1].decoder: protocol "amb" is not one of "race-result", "ipico", "ctp01", "mylaps""#
        )
        #expect(
            error(config(#"decoder = { protocol = "race-result" }"#))
                == "ev/event.toml: points[1].decoder: missing key 'host'")
        #expect(
            error(config(#"decoder = { protocol = "race-result", host = "a", port = 70000 }"#))
                == "ev/event.toml: points[1].decoder: 'port' must be a whole number from 1 to 65535")
        #expect(
            error(config(#"decoder = { protocol = "race-result", host = "a", file = "reads/other.txt" }"#))
                == "ev/event.toml: points[1].decoder: file 'reads/other.txt' is not one of point 'km5''s files (reads/km5.txt)"
        )
        #expect(
            error(config(#"decoder = { protocol = "race-result", host = "a", hots = "b" }"#))?.contains(
                "unknown key 'hots'") == true)
        #expect(error(config(#"decoder = "10.0.0.5""#))?.contains("points[1].decoder: must be a table") == true)
        #expect(
            error(
                config(
                    #"decoder = { protocol = "race-result", host = "a" }"#,
                    stadium: #"decoder = { protocol = "race-result", host = "a" }"#))
                == "ev/event.toml: points[1].decoder: a:3601 is also the decoder of point 'stadium'")
    }
}
