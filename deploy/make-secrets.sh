#!/bin/sh
# Makes the secret files docker-compose.yml reads, under deploy/secrets/ (or SECRETS_DIR); never commit them. Existing
# files are kept, so running it again changes nothing. Keep a copy of secret_key apart from the backups: without it
# the encrypted secrets in the database (second factors, webhook keys) cannot be read.
set -eu
dir="${SECRETS_DIR:-$(dirname "$0")/secrets}"
mkdir -p "$dir"
chmod 700 "$dir"
cd "$dir"
# files 0644 inside the 0700 folder: compose bind-mounts them as they are, and the containers read them as
# their own users (node, postgres); the folder keeps them from other users of this machine
umask 022
random() { od -An -N24 -tx1 /dev/urandom | tr -d ' \n'; }
[ -s postgres_password ] || random > postgres_password
[ -s database_url ] ||
  printf 'postgres://zhenggai:%s@postgres:5432/zhenggai\n' "$(cat postgres_password)" > database_url
[ -s minio_user ] || printf 'zhenggai\n' > minio_user
[ -s minio_password ] || random > minio_password
# 32 random bytes, base64: the key of the secrets at rest
[ -s secret_key ] || head -c 32 /dev/urandom | base64 > secret_key
ls -l
