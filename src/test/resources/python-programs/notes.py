These are notes about threads,
not a Python program.
