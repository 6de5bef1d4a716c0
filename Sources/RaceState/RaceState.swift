// RaceState module
