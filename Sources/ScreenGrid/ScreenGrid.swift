// ScreenGrid module
