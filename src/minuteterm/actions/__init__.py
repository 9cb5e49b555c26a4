"""Actions: their history of updates, carrying them forward to the next
meeting, and the action sheet."""
