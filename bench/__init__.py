"""akhbar's benchmark (issue 6): a corpus of realistic saved pages built from the ANT corpus, and the measurements.

Results on it cite: A. Chouigui, O. Ben Khiroun, B. Elayeb. ANT Corpus: An Arabic News Text Collection for Textual
Classification. AICCSA 2017.
"""

ANT_CITATION = (
    "A. Chouigui, O. Ben Khiroun, B. Elayeb. ANT Corpus: An Arabic News Text Collection for Textual "
    "Classification. AICCSA 2017"
)
