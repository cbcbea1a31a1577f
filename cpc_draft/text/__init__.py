"""The language-independent text model: language streams, sections, articles, dates, cues."""
