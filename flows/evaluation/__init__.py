"""Evaluation commands: each stage scores itself against gold and prints P/R/F1."""
