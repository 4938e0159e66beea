"""Quality evaluation (`akhbar eval STAGE` in a checkout): gold sets scored per stage, with floors in tests/."""
