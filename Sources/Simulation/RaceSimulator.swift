import RaceModel

/// Builds a whole recorded race, deterministic for a seed.
public enum RaceSimulator {
    /// Pure: no I/O, no clock, no system randomness. Same options, same event.
    public static func simulate(_ options: SimulationOptions = SimulationOptions()) -> SimulatedEvent {
        let course = CourseSpec.make(options.profile)
        var fieldGenerator = FieldGenerator(course: course, seed: options.seed)
        let entrants = fieldGenerator.generate(count: options.runners)
        var runs = RunGenerator.runs(of: entrants, course: course, seed: options.seed)
        var planner = FaultPlanner(course: course, entrants: entrants, seed: options.seed)
        let plan = planner.plan(&runs)
        let table = FileTable(course)
        var readPlanner = ReadPlanner(course: course, table: table, plan: plan, seed: options.seed)
        var planned = readPlanner.plan(entrants: entrants, runs: runs)

        // Garbage that copies a real read borrows a chip from the field.
        let withChip = entrants.compactMap(\.chip)
        var templateRng = SplitMix64(seed: options.seed, stream: 6)
        var files: [SimulatedReadFile] = []
        var garbageLines: [GarbageLine] = []
        for (f, entry) in table.files.enumerated() {
            var renderer = LineRenderer(
                spec: entry.spec, point: course.points[entry.point], pointIndex: entry.point,
                date: course.date, seed: options.seed, fileIndex: f)
            var lines: [SimulatedLine] = []
            lines.reserveCapacity(planned.lines[f].count)
            for pending in planned.lines[f] {
                if pending.kind == .lost {
                    renderer.skipNumber()
                    continue
                }
                var garbage: GarbageKind?
                var template = ""
                if case .garbage(let g) = pending.kind {
                    garbage = plan.garbage[g].kind
                    template = withChip.isEmpty ? "058000000000" : withChip[templateRng.below(withChip.count)]
                }
                let (text, reason) = renderer.render(pending, garbage: garbage, template: template)
                if let reason {
                    garbageLines.append(
                        GarbageLine(
                            path: entry.spec.path, line: lines.count + 1, text: text,
                            reason: reason))
                }
                lines.append(SimulatedLine(time: pending.write, text: text))
            }
            planned.lines[f] = []  // keeps the peak memory of a big field down
            files.append(
                SimulatedReadFile(
                    path: entry.spec.path, pointId: course.points[entry.point].id,
                    isBackup: entry.spec.role != .main,
                    format: entry.spec.style.readFormat, lines: lines))
        }

        let config = EventConfigBuilder.config(course)
        return SimulatedEvent(
            options: options,
            eventToml: EventTomlWriter.text(course, options: options),
            participantsCSV: ParticipantsWriter.text(entrants, course: course),
            readFiles: files,
            config: config,
            participants: entrants.map { EventConfigBuilder.participant($0, course: course) },
            truth: TruthBuilder.truth(
                course: course, entrants: entrants, runs: runs, plan: plan,
                planned: planned, garbage: garbageLines, table: table))
    }
}
