"""Arabic rules and models as data (TSV lexicons, gazetteers, the tagger model), each file with its provenance."""
