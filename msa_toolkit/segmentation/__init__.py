"""Segmentation: the text of a RawDocument's blocks into a tree of clauses.

`msa_toolkit.segment.segment` is the entry point; the modules here are its parts: `layout` builds
the document text and its lines, `markers` reads clause numbers and headings at the start of a
line, `nesting` decides which clause a numbered line belongs under, `clause_ids` names the clauses,
`cues` and `lexicon_file` load the words that mark structure from `data/lexicon/`.
"""
