"""Use cases of the app. Each takes plain arguments and returns domain objects or ChangeSets."""
