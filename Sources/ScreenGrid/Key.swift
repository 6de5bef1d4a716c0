/// A key press as the dashboard sees it, independent of the terminal library.
public enum Key: Sendable, Hashable {
    case char(Character)
    case enter, escape, backspace, tab, backTab
    case up, down, left, right, shiftLeft, shiftRight
    case pageUp, pageDown, home, end, delete
    case function(Int)
    /// The terminal changed size; the next frame should be laid out for the new size.
    case resize
    case ctrlC
}
