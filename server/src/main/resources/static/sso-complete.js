'use strict';
// The handoff code arrives in the URL fragment (never sent to a server or logged by a proxy)
// and is spent at once; the web UI will keep the session from here.
document.addEventListener('DOMContentLoaded', async () => {
  const result = document.getElementById('result');
  const params = new URLSearchParams(window.location.hash.slice(1));
  history.replaceState(null, '', window.location.pathname);
  if (params.get('error')) {
    result.textContent = params.get('error') === 'access_denied'
      ? 'This account may not sign in to Watchword. Ask an administrator.'
      : 'Single sign-on failed. Try again.';
    return;
  }
  const response = await fetch('/api/v1/auth/sso/redeem', {
    method: 'POST',
    headers: {'Content-Type': 'application/json'},
    body: JSON.stringify({handoff: params.get('handoff') || ''}),
  });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) {
    result.textContent = answer.detail || 'Single sign-on failed.';
  } else if (answer.status === 'SIGNED_IN') {
    result.textContent = 'Signed in.';
  } else {
    result.textContent = 'Signed in with your provider; confirm with your second factor to continue.';
  }
});
