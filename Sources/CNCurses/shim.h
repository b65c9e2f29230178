#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <ncursesw/curses.h>
// Macros Swift cannot see, as functions.
static inline int cnc_color_pair(int n) { return COLOR_PAIR(n); }
static inline int cnc_key_resize(void) { return KEY_RESIZE; }
static inline attr_t cnc_a_bold(void) { return A_BOLD; }
static inline attr_t cnc_a_reverse(void) { return A_REVERSE; }
static inline attr_t cnc_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cnc_a_dim(void) { return A_DIM; }
static inline int cnc_getmaxy(WINDOW *w) { return getmaxy(w); }
static inline int cnc_getmaxx(WINDOW *w) { return getmaxx(w); }
static inline int cnc_key_f(int n) { return KEY_F(n); }
static inline mmask_t cnc_mouse_mask(void) { return BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED; }
static inline int cnc_mouse_is_click(mmask_t m) { return (m & (BUTTON1_CLICKED | BUTTON1_PRESSED)) != 0; }
static inline int cnc_mouse_is_wheel_up(mmask_t m) { return (m & BUTTON4_PRESSED) != 0; }
static inline int cnc_mouse_is_wheel_down(mmask_t m) { return (m & BUTTON5_PRESSED) != 0; }
static inline int cnc_colors(void) { return COLORS; }
static inline int cnc_color_pairs(void) { return COLOR_PAIRS; }
/* stdscr is a global variable; Swift 6 refuses unsynchronised globals, so read it through a function. */
static inline WINDOW *cnc_stdscr(void) { return stdscr; }
/* Views backend: the C library's idea of a character's width (what curses moves the cursor by).
   Declared here because wchar.h hides it without _XOPEN_SOURCE, which SwiftPM drops from the flags. */
extern int wcwidth(wchar_t);
static inline int cnc_wcwidth(unsigned int c) { return wcwidth((wchar_t)c); }
/* Views backend: terminfo's colour count for a TERM without starting curses (-1: no entry, or no colours).
   The terminal set up here is freed again, so a later initscr starts clean. */
#include <ncursesw/term.h>
static inline int cnc_terminfo_colors(const char *term) {
    int err = 0;
    TERMINAL *saved = cur_term;
    if (setupterm(term, -1, &err) != OK) { if (saved) set_curterm(saved); return -1; }
    int colors = tigetnum("colors");
    TERMINAL *mine = set_curterm(saved);
    if (mine && mine != saved) del_curterm(mine);
    return colors;
}
