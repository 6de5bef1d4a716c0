import CNCurses
import ScreenGrid

/// Maps what wget_wch returned to a `Key`; nil for codes the dashboard has no use for.
enum KeyCodes {
    /// A character read (wget_wch returned OK). In raw mode Ctrl-C arrives here as 3.
    static func key(character code: UInt32) -> Key? {
        switch code {
        case 3: return .ctrlC
        case 8, 127: return .backspace
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return .char(Character(scalar))
        }
    }

    /// A function key (wget_wch returned KEY_CODE_YES).
    static func key(functionKey code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_SLEFT: return .shiftLeft
        case KEY_SRIGHT: return .shiftRight
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_DC: return .delete
        case KEY_BTAB: return .backTab
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_RESIZE: return .resize
        case racedash_key_f(1)...racedash_key_f(63): return .function(Int(code - racedash_key_f(0)))
        default: return nil
        }
    }
}
