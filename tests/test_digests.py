"""SHA-256 digests: CPython's own implementation and OpenSSL's give the same digest."""
import hashlib

from msa_toolkit import digests


def test_small_and_large_inputs_hash_as_hashlib_does():
    small = b"Management Services Agreement" * 10
    large = b"x" * (digests.OPENSSL_FROM_BYTES + 1)
    assert digests.sha256(small).hexdigest() == hashlib.sha256(small).hexdigest()
    assert digests.sha256(large).hexdigest() == hashlib.sha256(large).hexdigest()


def test_a_file_hashed_in_chunks_gives_the_digest_of_its_content():
    digest = digests.sha256(expected_bytes=10)
    for chunk in (b"Practice ", b"pays a ", b"fixed fee"):
        digest.update(chunk)
    assert digest.hexdigest() == hashlib.sha256(b"Practice pays a fixed fee").hexdigest()
