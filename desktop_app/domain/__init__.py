"""Plain data of the product: frozen dataclasses, enums, rules. Standard library only."""
