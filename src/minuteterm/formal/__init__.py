"""Formal business: attendance and people, votes, declarations, exempt items,
approval, committees, minute numbers and the agenda."""
