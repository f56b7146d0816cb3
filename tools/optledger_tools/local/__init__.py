"""Running OptLedger whole on one machine: embedded DynamoDB and S3 (moto), API Gateway emulated."""
