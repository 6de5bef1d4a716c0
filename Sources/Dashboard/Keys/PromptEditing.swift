import ScreenGrid

/// One key at a one-line prompt (go to a time, country): typing edits the
/// text, Esc cancels, Enter submits. The caller says which characters it takes.
enum PromptEditing {
    enum Outcome {
        case editing, cancelled
        case submitted(String)
    }

    static func edit(_ text: inout String, _ key: Key, accepts: (Character) -> Bool) -> Outcome {
        switch key {
        case .escape:
            text = ""
            return .cancelled
        case .backspace, .delete:
            if !text.isEmpty { text.removeLast() }
        case .char(let ch) where accepts(ch):
            text.append(ch)
        case .enter:
            let typed = text
            text = ""
            return .submitted(typed)
        default:
            break
        }
        return .editing
    }
}
