import ScreenGrid

/// The one table of keys. The key handler dispatches on it, the help overlay
/// and the bottom hints are drawn from it, and a test holds docs/dashboard.md
/// to it. Kept as small typed arrays: one large literal of this shape takes
/// the type checker minutes.
///
/// A new key: a `KeyAction` case handled in `KeyHandler.perform`, a binding in
/// one of the sections (or a section of its own, ten entries at most, added to
/// `all`), and a row under `## Keys` in docs/dashboard.md (KeyDocsTests names
/// what is missing). A narrower binding of a key goes before a wider one.
public enum KeyBindings {
    /// Table order is the order of the help overlay and of the bottom hints.
    public static let all: [KeyBinding] = field + alerts + lists + corrections + replay + views

    /// The first binding of `key` that applies here; the table lists the
    /// narrower binding of a key first.
    public static func binding(for key: Key, view: View, mode: KeyMode) -> KeyBinding? {
        all.first { $0.keys.contains(key) && $0.applies(in: view, mode: mode) }
    }

    /// Any binding of `key`, to say where it works when it does not work here.
    public static func anyBinding(for key: Key) -> KeyBinding? {
        all.first { $0.keys.contains(key) }
    }

    public static func applying(in view: View, mode: KeyMode) -> [KeyBinding] {
        all.filter { $0.applies(in: view, mode: mode) }
    }

    public static func hints(view: View, mode: KeyMode) -> [String] {
        applying(in: view, mode: mode).compactMap(\.hint)
    }

    /// The hints of every view in `mode`, once each: for a command's help.
    public static func summary(mode: KeyMode) -> String {
        var seen: [String] = []
        for binding in all where binding.modes.contains(mode) {
            if let hint = binding.hint, !seen.contains(hint) { seen.append(hint) }
        }
        return seen.joined(separator: ", ") + "; ? lists the keys of the view shown"
    }

    // MARK: - Scopes that follow the list of views, so a new view is covered

    static let viewKeys: [Key] = View.allCases.map { Key.char(Character(String($0.rawValue))) }
    static let viewKeysLabel: String = "1-" + String(View.allCases.count)
    static let notField: [View] = View.allCases.filter { $0 != .field }
    static let notRunner: [View] = View.allCases.filter { $0 != .runner }
}
