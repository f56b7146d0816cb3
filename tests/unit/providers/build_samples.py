"""Regenerate ``events/webhooks/<provider>.json``: one realistic, validly signed inbound request per provider.

Run from the repository root: ``PYTHONPATH=layers/optledger python tests/unit/providers/build_samples.py``.
Providers whose schemes use a key pair (Telnyx Ed25519, SNS RSA certificates) get a fresh key here, so each run writes
different signatures; the public half goes into the sample's ``secrets`` (Telnyx) or ``certificates`` (SNS).
Vonage's sample is the signed inbound SMS published in Vonage's Ruby SDK tests.
"""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlencode

from optledger.providers import bird, plivo, sinch

OUT = Path(__file__).resolve().parents[3] / "events" / "webhooks"
CONSUMER = "+14155550123"
BUSINESS = "+18885550100"


def write(provider: str, sample: dict) -> None:
    path = OUT / f"{provider}.json"
    path.write_text(json.dumps(sample, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print("wrote", path)


def compact(value: object) -> str:
    return json.dumps(value, separators=(",", ":"))


def telnyx() -> None:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    key = Ed25519PrivateKey.generate()
    public = base64.b64encode(key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)).decode()
    body = compact(
        {
            "data": {
                "event_type": "message.received",
                "id": "b301ed3f-1490-491f-995f-6e64e69674d4",
                "occurred_at": "2026-11-28T10:00:00.588+00:00",
                "payload": {
                    "cc": [],
                    "direction": "inbound",
                    "encoding": "GSM-7",
                    "errors": [],
                    "from": {"carrier": "T-Mobile USA", "line_type": "Wireless", "phone_number": CONSUMER},
                    "id": "84cca175-9755-4859-b67f-4730d7f58aa3",
                    "media": [],
                    "messaging_profile_id": "740572b6-099c-44a1-89b9-6c92163bc68d",
                    "parts": 1,
                    "received_at": "2026-11-28T10:00:00.503+00:00",
                    "record_type": "message",
                    "tags": [],
                    "text": "STOP",
                    "to": [
                        {
                            "carrier": "Telnyx",
                            "line_type": "Wireless",
                            "phone_number": BUSINESS,
                            "status": "webhook_delivered",
                        }
                    ],
                    "type": "SMS",
                },
                "record_type": "event",
            },
            "meta": {"attempt": 1, "delivered_to": "https://sms.example.com/webhooks/telnyx"},
        }
    )
    timestamp = "1795860001"
    signature = base64.b64encode(key.sign(f"{timestamp}|{body}".encode())).decode()
    write(
        "telnyx",
        {
            "method": "POST",
            "url": "https://sms.example.com/webhooks/telnyx",
            "headers": {
                "Content-Type": "application/json",
                "telnyx-signature-ed25519": signature,
                "telnyx-timestamp": timestamp,
            },
            "body": body,
            "secrets": {"TELNYX_PUBLIC_KEY": public},
            "now": "2026-11-28T10:00:03Z",
        },
    )


def bandwidth() -> None:
    body = compact(
        [
            {
                "type": "message-received",
                "time": "2026-11-28T10:00:00.250Z",
                "description": "Incoming message received",
                "to": BUSINESS,
                "message": {
                    "id": "1661365814859loidf7mcwd4qacn7",
                    "owner": BUSINESS,
                    "applicationId": "93de2206-9669-4e07-948d-329f4b722ee2",
                    "time": "2026-11-28T10:00:00.101Z",
                    "segmentCount": 1,
                    "direction": "in",
                    "to": [BUSINESS],
                    "from": CONSUMER,
                    "text": "Stop texting me please",
                },
            }
        ]
    )
    credentials = base64.b64encode(b"optledger:s3cret-callback-password").decode()
    write(
        "bandwidth",
        {
            "method": "POST",
            "url": "https://sms.example.com/webhooks/bandwidth",
            "headers": {"Content-Type": "application/json; charset=utf-8", "Authorization": f"Basic {credentials}"},
            "body": body,
            "secrets": {"BANDWIDTH_USERNAME": "optledger", "BANDWIDTH_PASSWORD": "s3cret-callback-password"},
            "now": "2026-11-28T10:00:01Z",
        },
    )


def vonage() -> None:
    # The signed inbound SMS of Vonage's Ruby SDK signature tests (secret "my_secret_key_for_testing", method sha256).
    params = {
        "message-timestamp": "2013-11-21 15:27:30",
        "messageId": "020000001B0FE827",
        "msisdn": "14843472194",
        "text": "Test again",
        "timestamp": "1385047698",
        "to": "13239877404",
        "type": "text",
        "sig": "DDB8397C2B90AAC7F3882D306475C9A5058C92322EEF43C92B298B6E0FC0D330",
    }
    write(
        "vonage",
        {
            "method": "GET",
            "url": "https://sms.example.com/webhooks/vonage?" + urlencode(params),
            "headers": {"User-Agent": "Nexmo/MessagingHUB/v1.0"},
            "body": "",
            "secrets": {"VONAGE_SIGNATURE_SECRET": "my_secret_key_for_testing", "VONAGE_SIGNATURE_METHOD": "sha256"},
            "now": "2013-11-21T15:28:20Z",
        },
    )


def plivo_sample() -> None:
    url = "https://sms.example.com/webhooks/plivo"
    fields = {
        "From": CONSUMER.lstrip("+"),
        "To": BUSINESS.lstrip("+"),
        "Text": "UNSUBSCRIBE",
        "Type": "sms",
        "MessageUUID": "2a2e5d1c-8c7e-11ee-9b7c-0242ac110003",
        "Units": "1",
        "TotalRate": "0.00000",
        "TotalAmount": "0.00000",
        "MessageIntent": "optout",
    }
    token = "MzY0ZDliYjNlYWVmM2E5ZGI3YjA4YzYyZjFmZmQx"
    nonce = "05429567804466091622"
    params = {name: [value] for name, value in fields.items()}
    signature = plivo.compute_v3_signature(token, "POST", url, params, nonce)
    write(
        "plivo",
        {
            "method": "POST",
            "url": url,
            "headers": {
                "Content-Type": "application/x-www-form-urlencoded",
                "X-Plivo-Signature-V3": signature,
                "X-Plivo-Signature-V3-Nonce": nonce,
                "X-Plivo-Signature-V2": plivo.compute_v2_signature(token, url, nonce),
                "X-Plivo-Signature-V2-Nonce": nonce,
            },
            "body": urlencode(fields),
            "secrets": {"PLIVO_AUTH_TOKEN": token},
            "now": "2026-11-28T10:00:01Z",
        },
    )


def sinch_sample() -> None:
    body = compact(
        {
            "id": "01J9ZK3G5D8V1XG5N4C2T6Y7QW",
            "from": CONSUMER.lstrip("+"),
            "to": BUSINESS.lstrip("+"),
            "body": "STOP",
            "type": "mo_text",
            "operator_id": "310260",
            "received_at": "2026-11-28T10:00:00.123Z",
        }
    )
    secret, nonce, timestamp = "sinch-webhook-secret-2026", "01FJA8B4A7BM43YGWSG9GBV067", "1795860001"
    write(
        "sinch",
        {
            "method": "POST",
            "url": "https://sms.example.com/webhooks/sinch",
            "headers": {
                "Content-Type": "application/json",
                "x-sinch-webhook-signature": sinch.compute_signature(secret, body.encode(), nonce, timestamp),
                "x-sinch-webhook-signature-nonce": nonce,
                "x-sinch-webhook-signature-timestamp": timestamp,
                "x-sinch-webhook-signature-algorithm": "HmacSHA256",
            },
            "body": body,
            "secrets": {"SINCH_WEBHOOK_SECRET": secret},
            "now": "2026-11-28T10:00:03Z",
        },
    )


def bird_sample() -> None:
    url = "https://sms.example.com/webhooks/bird"
    body = compact(
        {
            "service": "channels",
            "event": "sms.inbound",
            "payload": {
                "id": "6b0d7b5c-9a1e-4d4f-8f43-8c3a7e2b9d11",
                "channelId": "f3d3a3f0-1c1b-4a4e-9f0e-2b6b1c2d3e4f",
                "sender": {"contact": {"id": "c1", "identifierKey": "phonenumber", "identifierValue": CONSUMER}},
                "receiver": {"connector": {"id": "k1", "identifierValue": BUSINESS}},
                "body": {"type": "text", "text": {"text": "stop"}},
                "status": "delivered",
                "direction": "incoming",
                "createdAt": "2026-11-28T10:00:00.320Z",
            },
        }
    )
    key, timestamp = "bird-signing-key-2026", "1795860001"
    signature = base64.b64encode(bird.compute_signature(key, timestamp, url, body.encode())).decode()
    write(
        "bird",
        {
            "method": "POST",
            "url": url,
            "headers": {
                "Content-Type": "application/json",
                "messagebird-signature": signature,
                "messagebird-request-timestamp": timestamp,
                "messagebird-request-id": "9f2b4c1e-1111-4a2b-9c3d-5e6f7a8b9c0d",
            },
            "body": body,
            "secrets": {"BIRD_SIGNING_KEY": key},
            "now": "2026-11-28T10:00:03Z",
        },
    )


def ringcentral() -> None:
    body = compact(
        {
            "uuid": "5797346917587524513",
            "event": "/restapi/v1.0/account/~/extension/~/message-store/instant?type=SMS",
            "timestamp": "2026-11-28T10:00:00.456Z",
            "subscriptionId": "2e4a5b6c-7d8e-4f90-a1b2-c3d4e5f6a7b8",
            "ownerId": "1234567890",
            "body": {
                "id": "11949875004",
                "to": [{"phoneNumber": BUSINESS, "name": "Acme Deals", "target": True}],
                "from": {"phoneNumber": CONSUMER, "phoneNumberInfo": {"countryCode": "1"}},
                "type": "SMS",
                "creationTime": "2026-11-28T10:00:00.000Z",
                "lastModifiedTime": "2026-11-28T10:00:00.000Z",
                "readStatus": "Unread",
                "priority": "Normal",
                "attachments": [{"id": "11949875004", "type": "Text", "contentType": "text/plain"}],
                "direction": "Inbound",
                "availability": "Alive",
                "subject": "Quit",
                "messageStatus": "Received",
                "conversationId": "7043599744016093010",
                "eventType": "Create",
                "owner": {"accountId": "1234567890", "extensionId": "1234567890"},
            },
        }
    )
    write(
        "ringcentral",
        {
            "method": "POST",
            "url": "https://sms.example.com/webhooks/ringcentral",
            "headers": {"Content-Type": "application/json", "Verification-Token": "rc-verification-token-2026"},
            "body": body,
            "secrets": {"RINGCENTRAL_VERIFICATION_TOKEN": "rc-verification-token-2026"},
            "now": "2026-11-28T10:00:01Z",
        },
    )


def self_signed_certificate(common_name: str = "sns.amazonaws.com") -> tuple[object, str]:
    """An RSA key and a self-signed certificate in PEM, standing in for an SNS signing certificate."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    start = datetime(2026, 1, 1, tzinfo=UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + timedelta(days=3650))
        .sign(key, hashes.SHA256())
    )
    return key, certificate.public_bytes(serialization.Encoding.PEM).decode("ascii")


def sign_sns(key: object, message: dict) -> dict:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding

    from optledger.providers.sns import canonical_string

    version_one = message["SignatureVersion"] == "1"
    algorithm = hashes.SHA1() if version_one else hashes.SHA256()  # noqa: S303 - SNS SignatureVersion 1
    signature = key.sign(canonical_string(message), padding.PKCS1v15(), algorithm)  # type: ignore[attr-defined]
    return {**message, "Signature": base64.b64encode(signature).decode("ascii")}


def sns() -> None:
    key, pem = self_signed_certificate()
    cert_url = "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-9c6465fa7f48f5cacd23014631ec1136.pem"
    inner = compact(
        {
            "originationNumber": CONSUMER,
            "destinationNumber": BUSINESS,
            "messageKeyword": "KEYWORD_111122223333",
            "messageBody": "STOP",
            "previousPublishedMessageId": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            "inboundMessageId": "cae173d2-66b9-564c-8309-21f858e9fb84",
        }
    )
    message = sign_sns(
        key,
        {
            "Type": "Notification",
            "MessageId": "d9b5f3a4-1c2e-5b7a-9f3d-0a1b2c3d4e5f",
            "TopicArn": "arn:aws:sns:us-east-1:111122223333:optledger-inbound-sms",
            "Message": inner,
            "Timestamp": "2026-11-28T10:00:00.789Z",
            "SignatureVersion": "2",
            "SigningCertURL": cert_url,
            "UnsubscribeURL": "https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=arn:aws:sns:us-east-1:111122223333:optledger-inbound-sms:0b1c2d3e",
        },
    )
    write(
        "sns",
        {
            "method": "POST",
            "url": "https://sms.example.com/webhooks/sns",
            "headers": {
                "Content-Type": "text/plain; charset=UTF-8",
                "x-amz-sns-message-type": "Notification",
                "x-amz-sns-topic-arn": message["TopicArn"],
            },
            "body": compact(message),
            "secrets": {},
            "certificates": {cert_url: pem},
            "now": "2026-11-28T10:00:01Z",
        },
    )


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for build in (telnyx, bandwidth, vonage, plivo_sample, sinch_sample, bird_sample, ringcentral, sns):
        build()


if __name__ == "__main__":
    main()
