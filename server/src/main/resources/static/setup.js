'use strict';
// The token travels in the URL fragment, which browsers never send to a server or a proxy log.
document.addEventListener('DOMContentLoaded', () => {
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token') || '';
  const form = document.getElementById('setup');
  const result = document.getElementById('result');
  if (!token) {
    result.textContent = 'This page needs the one-time link that the server printed at start-up.';
    form.hidden = true;
    return;
  }
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = {
      token,
      username: form.username.value,
      displayName: form.displayName.value,
      password: form.password.value,
    };
    const response = await fetch('/api/v1/setup', {
      method: 'POST',
      headers: {'Content-Type': 'application/json'},
      body: JSON.stringify(body),
    });
    const answer = await response.json().catch(() => ({}));
    if (response.status === 201) {
      form.hidden = true;
      history.replaceState(null, '', '/setup.html');
      result.textContent = 'The owner "' + answer.username + '" was created. Sign in to set up a second factor: ';
      const link = document.createElement('a');
      link.href = '/signin';
      link.textContent = 'sign in';
      result.append(link);
    } else {
      result.textContent = answer.detail || 'Setup failed.';
    }
  });
});
