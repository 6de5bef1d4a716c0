// RaceSimulator module
