// SwiftPM drops the feature macros pkg-config gives for ncursesw; without
// them the wide-character API (cchar_t, mvaddwstr, wget_wch) stays hidden.
#ifndef RACEDASH_CNCURSES_SHIM_H
#define RACEDASH_CNCURSES_SHIM_H
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <curses.h>
#endif
