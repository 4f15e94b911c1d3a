"""Reading a PDF file: its text, extracted page by page with pypdf, then read as text (the space layout).

pypdf (pure Python, BSD) is the optional extra ``pip install "gia-report[pdf]"``;
without it a PDF gets a `ParseError` that names the extra. The pages' texts
are joined with a line break, exactly as ``"\\n".join(page.extract_text() …)``
gives them, so a PDF reads as its extracted text does. pypdf bounds what a
stream may inflate to; at most `MAX_PAGES` pages are read, and a PDF with no
text (a scan) or a password is refused by name.

.. versionadded:: 0.2
"""

from __future__ import annotations

import io
import warnings

from ..errors import ParseError

__all__ = ["MAX_PAGES", "pdf_text", "read_pdf"]

#: The most pages read from one PDF (a report has some ten).
MAX_PAGES = 2000
_EXTRA = 'reading a PDF needs pypdf: pip install "gia-report[pdf]"'


def read_pdf(data: bytes) -> str:
    """The text of the PDF *data*, its pages' texts joined by line breaks; `ParseError` if it has none."""
    text = "\n".join(pdf_text(data))
    if not text.strip():
        raise ParseError(
            "the PDF holds no text (a scanned document?): run OCR on it first, or read the text it was made from",
            line=1,
        )
    return text


def pdf_text(data: bytes) -> list[str]:
    """The extracted text of each page of the PDF *data* (pypdf's plain mode)."""
    try:
        import pypdf
    except ImportError:
        raise ParseError(_EXTRA, line=1) from None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # pypdf warns about the small defects most real PDFs have
        try:
            reader = pypdf.PdfReader(io.BytesIO(data))
            if reader.is_encrypted and not reader.decrypt(""):
                raise ParseError("the PDF is password-protected: remove the password, or read its text", line=1)
            count = len(reader.pages)
            if count > MAX_PAGES:
                raise ParseError(f"the PDF has {count:,} pages, more than the {MAX_PAGES:,} read: refused", line=1)
            return [page.extract_text() for page in reader.pages]
        except ParseError:
            raise
        except pypdf.errors.DependencyError as error:
            raise ParseError(f"the PDF cannot be read without another package: {error}", line=1) from None
        except pypdf.errors.FileNotDecryptedError:
            raise ParseError("the PDF is password-protected: remove the password, or read its text", line=1) from None
        except Exception as error:  # a damaged PDF fails anywhere inside pypdf, with any exception
            raise ParseError(f"the PDF cannot be read: {type(error).__name__}: {error}", line=1) from None
