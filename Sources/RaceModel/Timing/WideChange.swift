/// Whether a change to the field is wide enough that working the field out
/// again costs less than carrying each changed runner over one by one: their
/// timelines patched into shared chunks, their rows moved in the listing
/// (a move shifts every row between its two places), their outcomes taken
/// off and added again. At 50,000 runners the whole field took 30-50 ms
/// whatever the change; one by one took 10-24 ms for a 2 s step of a
/// replay's clock, 23-38 ms for 6 s, 46-62 ms for 15 s, 109-159 ms for 60 s
/// and 240 ms for 120 s late in the race, when the bound was a sixteenth of
/// the field: a replay played at speed, or seeking a minute or two on, was
/// slowest of all. The bound, a 128th of the field, lies between 6 s and
/// 15 s of a big race's reads. A field under 8,192 runners carries up to 64
/// over one by one, as before: both ways are quick there, and a few changed
/// runners take the way a live feed takes for each new read.
public enum WideChange {
    public static func isWide(changed: Int, field: Int) -> Bool {
        changed > max(field / 128, 64)
    }
}
