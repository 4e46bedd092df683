'use strict';
// Passkey sign-in (WebAuthn) against Spring Security's endpoints. The server answers a completed
// sign-in by setting the session cookies (asked for by the X-Watchword-Session header), so no
// token ever reaches this script.
async function postJson(url, body, session = 'cookie') {
  const headers = {'Content-Type': 'application/json', 'X-Watchword-Session': session};
  const token = document.querySelector('meta[name="csrf-token"]');
  if (token) {
    headers['X-CSRF-TOKEN'] = token.content;
  }
  const response = await fetch(url, {method: 'POST', headers, body: body ? JSON.stringify(body) : undefined,
    credentials: 'same-origin'});
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new Error(answer.detail || 'The passkey was not accepted.');
  }
  return answer;
}

async function signInWithPasskey(status) {
  status.textContent = 'Waiting for your passkey…';
  try {
    const options = await postJson('/webauthn/authenticate/options');
    const credential = await navigator.credentials.get({
      publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options),
    });
    await postJson('/login/webauthn', credential.toJSON());
    status.textContent = 'Signed in.';
    window.location.assign('/');
  } catch (e) {
    status.textContent = e.name === 'NotAllowedError' ? 'Cancelled.' : e.message;
  }
}

// Step-up: the signed-in person proves presence again with their passkey; the session continues.
async function stepUpWithPasskey(button, status) {
  status.textContent = 'Waiting for your passkey…';
  try {
    const options = await postJson('/webauthn/authenticate/options');
    const credential = await navigator.credentials.get({
      publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options),
    });
    await postJson('/login/webauthn', credential.toJSON(), 'step-up');
    window.location.assign(button.dataset.continue || '/');
  } catch (e) {
    status.textContent = e.name === 'NotAllowedError' ? 'Cancelled.' : e.message;
  }
}

async function registerPasskey(form, status) {
  status.textContent = 'Waiting for your authenticator…';
  try {
    const options = await postJson('/webauthn/register/options');
    const credential = await navigator.credentials.create({
      publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options),
    });
    await postJson('/webauthn/register', {publicKey: {credential: credential.toJSON(), label: form.elements.namedItem('label').value}});
    window.location.reload();
  } catch (e) {
    status.textContent = e.name === 'NotAllowedError' ? 'Cancelled.' : e.message;
  }
}

document.addEventListener('DOMContentLoaded', () => {
  const status = document.getElementById('passkey-status');
  document.querySelectorAll('[data-passkey="sign-in"]').forEach((button) => {
    if (!window.PublicKeyCredential) {
      button.hidden = true;
      return;
    }
    button.addEventListener('click', () => signInWithPasskey(status));
  });
  document.querySelectorAll('[data-passkey="step-up"]').forEach((button) => {
    if (!window.PublicKeyCredential) {
      button.hidden = true;
      return;
    }
    button.addEventListener('click', () => stepUpWithPasskey(button, status));
  });
  const register = document.getElementById('passkey-register');
  if (register) {
    register.addEventListener('submit', (event) => {
      event.preventDefault();
      registerPasskey(register, status);
    });
  }
});
