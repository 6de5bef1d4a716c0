// TerminalBackend module
