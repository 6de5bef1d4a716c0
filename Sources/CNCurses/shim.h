// SwiftPM drops the feature macros pkg-config gives for ncursesw; without
// them the wide-character API (cchar_t, mvaddwstr, wget_wch) stays hidden.
#ifndef RACEDASH_CNCURSES_SHIM_H
#define RACEDASH_CNCURSES_SHIM_H
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <stdio.h>
#include <curses.h>

// Function-like macros and C globals do not reach Swift 6 (macros are not
// imported, globals are rejected as not concurrency-safe); these stateless
// wrappers expose the few that the backend needs.

static inline attr_t racedash_attr_bold(void) { return A_BOLD; }
static inline attr_t racedash_attr_dim(void) { return A_DIM; }
static inline attr_t racedash_attr_reverse(void) { return A_REVERSE; }
static inline attr_t racedash_attr_underline(void) { return A_UNDERLINE; }

static inline int racedash_key_f(int n) { return KEY_F(n); }

static inline int racedash_color_pairs(void) { return COLOR_PAIRS; }

// newterm instead of initscr: initscr exits the process when TERM is unknown,
// newterm returns NULL and lets the caller explain.
static inline SCREEN *racedash_newterm(void) { return newterm(NULL, stdout, stdin); }
static inline WINDOW *racedash_stdscr(void) { return stdscr; }

#endif
