/// Copies in memory of their own, for one core's part of a big field. Every
/// timeline and row retains and releases the race and arrays it reads; the
/// cores working through the field at once on the same ones fight over the
/// same reference counts (a fifth of a seek's time went to retain and
/// release, a seventh on one core). Arrays are copied element by element,
/// since a copy of an array shares its storage.
extension Race {
    func ownCopy() -> Race {
        var copy = self
        copy.waves = waves.map { $0 }
        copy.checkpoints = checkpoints.map { $0 }
        copy.divisionClocks = Dictionary(uniqueKeysWithValues: divisionClocks.map { ($0.key, $0.value) })
        return copy
    }
}

extension AgeGroups {
    func ownCopy() -> AgeGroups {
        AgeGroups(lowerBounds: lowerBounds, bySex: boundsBySex, lastUpperBound: lastUpperBound)
    }
}
