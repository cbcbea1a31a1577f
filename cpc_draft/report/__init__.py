"""Reports: documents, findings and changes as text, JSON and (later) SARIF, HTML, docx."""
