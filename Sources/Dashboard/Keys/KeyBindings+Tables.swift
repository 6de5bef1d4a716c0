import ScreenGrid

// Each section stays short, every element fully typed: see KeyBindings.
extension KeyBindings {
    static let lists: [KeyBinding] = [
        KeyBinding("Esc", [Key.escape], KeyAction.back, "back to the list", hint: "Esc back", views: [View.runner]),
        KeyBinding(
            "↑ ↓", [Key.up, Key.down], KeyAction.move, "select a row",
            views: [View.elite, View.field, View.alerts, View.announcer]),
        KeyBinding(
            "↑ ↓", [Key.up, Key.down], KeyAction.move, "scroll",
            views: [View.checkpoints, View.runner]),
        KeyBinding(
            "PgUp PgDn", [Key.pageUp, Key.pageDown], KeyAction.move, "men's / women's table",
            hint: "PgUp/PgDn men/women", views: [View.elite]),
        KeyBinding(
            "PgUp PgDn", [Key.pageUp, Key.pageDown], KeyAction.move, "a page up / down",
            views: [View.field, View.checkpoints, View.runner, View.alerts, View.announcer]),
        KeyBinding("Home End", [Key.home, Key.end], KeyAction.move, "first / last row"),
        KeyBinding(
            "Enter", [Key.enter], KeyAction.open, "open the runner", hint: "Enter runner",
            views: [View.elite, View.field, View.announcer]),
    ]

    // Listed before `lists`: Enter in the alerts view opens a group first.
    static let alerts: [KeyBinding] = [
        KeyBinding(
            "Enter", [Key.enter], KeyAction.open, "open group or runner", hint: "Enter open",
            views: [View.alerts]),
        KeyBinding(
            "k", [Key.char("k")], KeyAction.acknowledge, "acknowledge the alert", hint: "k acknowledge",
            views: [View.alerts]),
        KeyBinding(
            "K", [Key.char("K")], KeyAction.acknowledgeAll, "acknowledge all alerts", hint: "K all",
            views: [View.alerts]),
    ]

    static let field: [KeyBinding] = [
        KeyBinding("/", [Key.char("/")], KeyAction.search, "find a bib or name", hint: "/ find"),
        KeyBinding("n", [Key.char("n")], KeyAction.nextMatch, "next match of the find"),
        KeyBinding("N", [Key.char("N")], KeyAction.previousMatch, "previous match"),
        KeyBinding(
            "f", [Key.char("f")], KeyAction.changeFilter, "change filter in focus", hint: "f filter",
            views: [View.field]),
        KeyBinding(
            "F", [Key.char("F")], KeyAction.nextFilter, "next: sex, age, country", hint: "F next filter",
            views: [View.field]),
        KeyBinding(
            "x", [Key.char("x")], KeyAction.clearFilters, "clear the filters", hint: "x clear", views: [View.field]),
        KeyBinding(
            "e", [Key.char("e")], KeyAction.eliteDivision, "elites; again: all", hint: "e/a division",
            views: [View.field]),
        KeyBinding(
            "a", [Key.char("a")], KeyAction.amateurDivision, "amateurs; again: all", views: [View.field]),
    ]

    static let corrections: [KeyBinding] = [
        KeyBinding(
            "c", [Key.char("c")], KeyAction.correct, "correct the runner", hint: "c correct",
            views: [View.field, View.runner], modes: [KeyMode.live])
    ]

    static let replay: [KeyBinding] = [
        KeyBinding(
            "space", [Key.char(" ")], KeyAction.togglePause, "pause / resume", hint: "space pause",
            modes: [KeyMode.replay]),
        KeyBinding(
            "+", [Key.char("+"), Key.char("=")], KeyAction.faster, "faster", hint: "+/- speed",
            modes: [KeyMode.replay]),
        KeyBinding("-", [Key.char("-"), Key.char("_")], KeyAction.slower, "slower", modes: [KeyMode.replay]),
        KeyBinding(
            "←", [Key.left], KeyAction.seekMinutes(-1), "back 1 minute", hint: "←→ 1 min", modes: [KeyMode.replay]),
        KeyBinding("→", [Key.right], KeyAction.seekMinutes(1), "forward 1 minute", modes: [KeyMode.replay]),
        KeyBinding(
            "[ Shift-←", [Key.char("["), Key.shiftLeft], KeyAction.seekMinutes(-10), "back 10 minutes",
            hint: "[ ] 10 min", modes: [KeyMode.replay]),
        KeyBinding(
            "] Shift-→", [Key.char("]"), Key.shiftRight], KeyAction.seekMinutes(10), "forward 10 minutes",
            modes: [KeyMode.replay]),
        KeyBinding(
            "g", [Key.char("g")], KeyAction.goTo, "go to a time of day", hint: "g go to", modes: [KeyMode.replay]),
    ]

    static let views: [KeyBinding] = [
        KeyBinding(viewKeysLabel, viewKeys, KeyAction.showView, "the view of that number"),
        KeyBinding("Tab", [Key.tab], KeyAction.nextView, "next view"),
        KeyBinding("Shift-Tab", [Key.backTab], KeyAction.previousView, "previous view"),
        KeyBinding("e", [Key.char("e")], KeyAction.eliteView, "the Elite view", views: notField),
        KeyBinding("a", [Key.char("a")], KeyAction.fieldView, "the Field view", views: notField),
        KeyBinding("r", [Key.char("r")], KeyAction.nextRace, "next race", hint: "r race"),
        KeyBinding("R", [Key.char("R")], KeyAction.previousRace, "previous race"),
        KeyBinding("Esc", [Key.escape], KeyAction.back, "close help, drop filters", views: notRunner),
        KeyBinding(
            "?, F1", [Key.char("?"), Key.function(1)], KeyAction.toggleHelp, "show or hide this help", hint: "? help"),
        KeyBinding("q, Ctrl-C", [Key.char("q"), Key.char("Q"), Key.ctrlC], KeyAction.quit, "quit", hint: "q quit"),
    ]
}
