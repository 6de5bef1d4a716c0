import Foundation
import RaceModel
import Snapshots
import ScreenGrid

/// `c` on the runner view or the field list: DQ, DNF, reinstate or a hand
/// time for that runner, with a reason and a confirmation, written to the
/// officials' journal by the loop.
extension KeyHandler {
    /// Short enough for the bottom line at 80 columns.
    public static let readOnlyMessage = "replay is read-only: make corrections in racedash live or in corrections.csv"

    /// The runner `c` acts on: the one shown, or the selected row of the field list.
    static func correctionTarget(_ ui: UIState, snapshot: RaceSnapshot) -> Int? {
        switch ui.view {
        case .runner: return RunnerView.runner(snapshot, ui: ui)
        case .field:
            let list = FieldList(snapshot, ui: ui)
            return list.count > 0 ? list.row(min(max(0, ui.selected), list.count - 1)).runner : nil
        case .elite, .checkpoints, .alerts, .announcer: return nil
        }
    }

    static func startCorrection(_ ui: inout UIState, snapshot: RaceSnapshot, writable: Bool) {
        guard writable else {
            ui.message = readOnlyMessage
            return
        }
        guard let runner = correctionTarget(ui, snapshot: snapshot) else {
            ui.message = "corrections are made on a runner: select one in Field or open one with Enter"
            return
        }
        ui.correction = CorrectionPrompt(runner: runner)
    }

    static func correct(_ key: Key, _ ui: UIState, snapshot: RaceSnapshot) -> (UIState, [Command]) {
        var ui = ui
        guard var prompt = ui.correction else { return (ui, []) }
        if key == .escape {
            ui.correction = nil
            ui.message = "correction cancelled: nothing written"
            return (ui, [])
        }
        switch prompt.stage {
        case .choose:
            guard case .char(let ch) = key, let action = CorrectionPrompt.Action.allCases.first(where: { $0.key == ch })
            else {
                return (ui, [])
            }
            prompt.action = action
            if action == .split {
                prompt.stage = .value
                prompt.value = suggestedHandTime(runner: prompt.runner, snapshot: snapshot)
            } else {
                prompt.stage = .reason
            }
        case .value:
            if key == .enter {
                prompt.problem = handTimeProblem(prompt.value, runner: prompt.runner, snapshot: snapshot)
                if prompt.problem == nil { prompt.stage = .reason }
            } else {
                edit(&prompt.value, key)
            }
        case .reason:
            if key == .enter {
                prompt.reason = prompt.reason.trimmingCharacters(in: .whitespaces)
                prompt.problem = prompt.reason.isEmpty ? "a reason is needed: it goes on the record" : nil
                if prompt.problem == nil { prompt.stage = .confirm }
            } else {
                edit(&prompt.reason, key)
            }
        case .confirm:
            switch key {
            case .char("y"), .char("Y"), .enter:
                ui.correction = nil
                let bib = snapshot.participants[prompt.runner].bib
                let value = prompt.action == .split ? prompt.value.trimmingCharacters(in: .whitespaces) : ""
                return (
                    ui,
                    [
                        .writeCorrection(
                            CorrectionRequest(
                                bib: bib, action: prompt.action?.rawValue ?? "",
                                value: value, reason: prompt.reason))
                    ]
                )
            case .char("n"), .char("N"):
                ui.correction = nil
                ui.message = "correction cancelled: nothing written"
                return (ui, [])
            default:
                return (ui, [])
            }
        }
        ui.correction = prompt
        return (ui, [])
    }

    static func edit(_ text: inout String, _ key: Key) {
        switch key {
        case .backspace, .delete: if !text.isEmpty { text.removeLast() }
        case .char(let ch)
        where !ch.isNewline && ch.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }):
            text.append(ch)
        default: break
        }
    }

    /// The runner's next checkpoint and the dashboard's clock: most hand
    /// times are entered as the runner passes.
    static func suggestedHandTime(runner: Int, snapshot: RaceSnapshot) -> String {
        let race = snapshot.event.races[snapshot.participants[runner].raceIndex]
        let next = snapshot.evaluation.timelines[runner].furthest.map { min($0 + 1, race.finishIndex) } ?? 0
        return "\(race.checkpoints[next].id) \(TimeFormat.timeOfDay(snapshot.at))"
    }

    /// Why a typed hand time cannot be written, if it cannot. A time that is
    /// not after the runner's split at the checkpoint before it, not before
    /// the one after it, before their wave's gun, or faster than the timing
    /// rules allow from their last split (else the gun), is a slip of the
    /// keys: written, it would be a split no runner can make.
    static func handTimeProblem(_ value: String, runner: Int, snapshot: RaceSnapshot) -> String? {
        let participant = snapshot.participants[runner]
        let race = snapshot.event.races[participant.raceIndex]
        let words = value.split(separator: " ")
        guard words.count == 2, let checkpoint = race.checkpoints.firstIndex(where: { $0.id == words[0] }) else {
            return "type CHECKPOINT HH:MM:SS; checkpoints: \(race.checkpoints.map(\.id).joined(separator: " "))"
        }
        guard let time = snapshot.event.window.typed(String(words[1])) else {
            // Cut short: a long slip of the keys must leave room for the reason.
            return "'\(TextWidth.truncate(String(words[1]), to: 14))' is not a time of day"
        }
        let timeline = snapshot.evaluation.timelines[runner]
        let before = timeline.lastSplit(before: checkpoint)
        if let before, time <= before.time {
            return
                "\(words[1]) is not after their \(race.checkpoints[before.checkpoint].id) split \(TimeFormat.timeOfDay(before.time))"
        }
        if let after = ((checkpoint + 1)..<race.checkpoints.count).first(where: { timeline.split($0) != nil }),
            let split = timeline.split(after), time >= split
        {
            return "\(words[1]) is not before their \(race.checkpoints[after].id) split \(TimeFormat.timeOfDay(split))"
        }
        let wave = race.waves[participant.waveIndex]
        if time < wave.gun {
            return "\(words[1]) is before the gun of wave \(wave.id) (\(TimeFormat.timeOfDay(wave.gun)))"
        }
        // No faster than the timing rules let any runner go, from their last split before it (else the gun).
        let (fromTime, fromKm) = before.map { ($0.time, race.checkpoints[$0.checkpoint].km) } ?? (wave.gun, 0)
        let km = race.checkpoints[checkpoint].km - fromKm
        let maxKmh = snapshot.event.rules(race: participant.raceIndex, wave: participant.waveIndex).maxSpeedKmh
        if km > 0, Double(time - fromTime) < km / maxKmh * 3_600_000 {
            let whence = before.map { "their \(race.checkpoints[$0.checkpoint].id) split" } ?? "the gun"
            let speed = maxKmh == maxKmh.rounded() ? "\(Int(maxKmh))" : "\(maxKmh)"
            return "\(words[1]) is faster than \(speed) km/h from \(whence) \(TimeFormat.timeOfDay(fromTime))"
        }
        return nil
    }
}
