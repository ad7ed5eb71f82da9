"""Reading customers' details from the PDF417 barcode on US and Canadian ID cards.

``parse_barcode`` reads the barcode's text (typed by a keyboard-mode scanner or decoded from
a photo by ``app.idscan.image.decode_image``, which is imported separately because it loads
the image libraries).
"""

from app.idscan.aamva import ScanResult, parse_barcode
from app.idscan.errors import ScanError, UnreadableImageError

__all__ = ["ScanError", "ScanResult", "UnreadableImageError", "parse_barcode"]
